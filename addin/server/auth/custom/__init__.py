"""Access token check for every write (custom functions, scripts, uploads).

Selected by ``XLWINGS_AUTH_PROVIDERS=["custom"]`` in ``.env``. Tokens live hashed in the
token file (`subsidykit.access`, created by ``subsidykit serve --new-token NAME``); Office.js
sends the token the clerk saved in the task pane (static/js/auth.js).
"""

from fastapi import HTTPException, status
from xlwings_server.models import User

from subsidykit.access import TokenStore

_store = TokenStore()

UNAUTHORIZED = "未授权：缺少或无效的访问令牌。请在任务窗格「设置」中填写管理员发放的令牌。"


async def validate_token(token_string: str):
    name = _store.verify(token_string)
    if name is None:
        raise HTTPException(status_code=status.HTTP_401_UNAUTHORIZED, detail=UNAUTHORIZED)
    return User(id=name, name=name)
