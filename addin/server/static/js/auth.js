// 专项资金助手: every call to the server carries the access token the clerk saved in the
// task pane (设置). The server refuses writes without it (auth/custom).
globalThis.getAuth = async function () {
  let token = "";
  try {
    token = localStorage.getItem("subsidykit.token") || "";
  } catch (e) {}
  return {
    token: token ? "Bearer " + token : "",
    provider: "custom",
  };
};
