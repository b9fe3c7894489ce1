"""Access token check for every write (custom functions, scripts, uploads).

Selected by ``XLWINGS_AUTH_PROVIDERS=["custom"]`` in ``.env``. Tokens live hashed in the
token file (`subsidykit.server.access`, created by ``subsidykit serve --new-token NAME``); Office.js
sends the token the clerk saved in the task pane (static/js/auth.js). The guard in front of
the app (`subsidykit.server.guard`) has already checked the same token before reading the
body; this second check gives xlwings Server the user (its name is logged with each call).
"""

from fastapi import HTTPException, status
from xlwings_server.models import User

from subsidykit.server.access import TokenStore
from subsidykit.server.settings import UNAUTHORIZED

_store = TokenStore()


async def validate_token(token_string: str):
    name = _store.verify(token_string)
    if name is None:
        raise HTTPException(status_code=status.HTTP_401_UNAUTHORIZED, detail=UNAUTHORIZED)
    return User(id=name, name=name)
