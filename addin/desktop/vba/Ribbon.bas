Attribute VB_Name = "Ribbon"
' 专项资金助手：功能区回调（customUI14.xml 中的 onAction="Ribbon.…"）。
' 五个按钮调用 Python（macros 包，xlwings 的 RunPython）；「设置」和「帮助」是纯 VBA，
' 在 Python 尚未配置好时也能使用。
Option Explicit

Private Const APP_TITLE As String = "专项资金助手"
Private Const HELP_SHEET As String = "使用说明"

Public Sub GenerateSummary(control As IRibbonControl)
    RunPython "import macros; macros.generate_summary()"
End Sub

Public Sub ValidateSubmissions(control As IRibbonControl)
    RunPython "import macros; macros.validate_submissions()"
End Sub

Public Sub MatchPrograms(control As IRibbonControl)
    RunPython "import macros; macros.match_programs()"
End Sub

Public Sub InsertLedgerTemplate(control As IRibbonControl)
    RunPython "import macros; macros.insert_ledger_template()"
End Sub

Public Sub InsertProgramCatalog(control As IRibbonControl)
    RunPython "import macros; macros.insert_program_catalog()"
End Sub

Public Sub ShowSettings(control As IRibbonControl)
    ' 年度、地区、登记簿、Python 解释器：先全部问完，任何一步取消都不保存。
    Dim yearValue As String, regionValue As String, interpreterValue As String, registerValue As String
    Dim interpreterKey As String, answer As Variant

    #If Mac Then
        interpreterKey = "INTERPRETER_MAC"
    #Else
        interpreterKey = "INTERPRETER_WIN"
    #End If

    yearValue = GetConfig("YEAR")
    Do
        answer = Application.InputBox("指南年度（2021 至 2030；留空则按台账「申报年度」列或公式参数）：", _
            APP_TITLE & " - 设置", yearValue, Type:=2)
        If VarType(answer) = vbBoolean Then Exit Sub
        yearValue = Trim$(CStr(answer))
        If IsValidYear(yearValue) Then Exit Do
        MsgBox "年度须为 2021 至 2030 之间的整数，或留空。", vbExclamation, APP_TITLE
    Loop

    answer = Application.InputBox("地区（填在汇总表表头「地区：」处，如 徐州市）：", _
        APP_TITLE & " - 设置", CStr(GetConfig("REGION")), Type:=2)
    If VarType(answer) = vbBoolean Then Exit Sub
    regionValue = Trim$(CStr(answer))

    Do
        answer = Application.InputBox("项目登记簿（历年项目、支持和验收名单）：SQLite 文件路径，或 postgresql+psycopg://用户@服务器/库；" & _
            "留空则用环境变量 SUBSIDYKIT_DB 或 用户目录\.subsidykit\register.db。不要在此写密码（密码用 PGPASSWORD 或 .pgpass）：", _
            APP_TITLE & " - 设置", CStr(GetConfig("REGISTER")), Type:=2)
        If VarType(answer) = vbBoolean Then Exit Sub
        registerValue = Trim$(CStr(answer))
        If Not HasPassword(registerValue) Then Exit Do
        MsgBox "登记簿地址中含有密码。请删去密码，改用环境变量 PGPASSWORD 或 .pgpass 文件。", vbExclamation, APP_TITLE
    Loop

    interpreterValue = GetConfig(interpreterKey)
    Do
        answer = Application.InputBox("Python 解释器的完整路径（安装了 subsidykit 的 python.exe）：", _
            APP_TITLE & " - 设置", interpreterValue, Type:=2)
        If VarType(answer) = vbBoolean Then Exit Sub
        interpreterValue = Trim$(CStr(answer))
        If interpreterValue = "" Then Exit Do
        If FileExists(interpreterValue) Then Exit Do
        If MsgBox("找不到文件：" & interpreterValue & vbCrLf & "仍然保存吗？", vbYesNo + vbQuestion, APP_TITLE) = vbYes Then Exit Do
    Loop

    SaveConfigToFile GetConfigFilePath(), "YEAR", yearValue
    SaveConfigToFile GetConfigFilePath(), "REGION", regionValue
    SaveConfigToFile GetConfigFilePath(), "REGISTER", registerValue
    SaveConfigToFile GetConfigFilePath(), interpreterKey, interpreterValue
    MsgBox "设置已保存到 " & GetConfigFilePath(), vbInformation, APP_TITLE
End Sub

Private Function HasPassword(url As String) As Boolean
    ' scheme://user:password@host…: a password in the address would be saved in plain text.
    Dim schemeEnd As Long, at As Long, colon As Long
    schemeEnd = InStr(1, url, "://")
    If schemeEnd = 0 Then Exit Function
    at = InStr(schemeEnd + 3, url, "@")
    If at = 0 Then Exit Function
    colon = InStr(schemeEnd + 3, url, ":")
    HasPassword = (colon > 0 And colon < at) Or InStr(1, LCase$(url), "password=") > 0
End Function

Public Sub ShowHelp(control As IRibbonControl)
    ' 把加载项中隐藏的「使用说明」工作表复制到新工作簿（不需要 Python）。
    On Error GoTo failed
    ThisWorkbook.Worksheets(HELP_SHEET).Copy
    ActiveWindow.DisplayGridlines = False
    Exit Sub
failed:
    MsgBox "无法打开使用说明：" & Err.Description, vbExclamation, APP_TITLE
End Sub

Private Function IsValidYear(ByVal text As String) As Boolean
    Dim i As Integer
    If text = "" Then
        IsValidYear = True
        Exit Function
    End If
    If Len(text) <> 4 Then Exit Function
    For i = 1 To 4
        If Mid$(text, i, 1) < "0" Or Mid$(text, i, 1) > "9" Then Exit Function
    Next i
    IsValidYear = (CLng(text) >= 2021 And CLng(text) <= 2030)
End Function
