"""The desktop add-in's settings (设置): year, region and the register's address (REGISTER), as
saved by the ribbon's VBA.  The reader lives in `udfs.settings` (the worksheet function
=APPLICANT_HISTORY reads the register's address too); this module adds `setting`.

The VBA writes them with xlwings' ``SaveConfigToFile`` into the add-in's user config file
(``%USERPROFILE%\\.subsidykit\\subsidykit.conf`` on Windows; on a Mac
``~/Library/Containers/com.microsoft.Excel/Data/subsidykit.conf``): one ``"KEY","VALUE"``
line per setting, in the system's ANSI code page (GBK on Chinese Windows).
On xlwings Server the task pane sends year and region with each call instead.
"""

from __future__ import annotations

from udfs.settings import PROJECT_NAME, read_settings, saved, user_config_path

__all__ = ["PROJECT_NAME", "read_settings", "review_register", "setting", "user_config_path"]


def setting(name: str, given: object = None) -> object:
    """`given` when the caller passed one, else the saved setting (None when unset)."""
    if given not in (None, ""):
        return given
    return saved(name)


def review_register(remote: bool):
    """The project register the ribbon's reviews consult (`register.review.ReviewRegister`): on
    the desktop the address saved in 设置 (REGISTER), else ``SUBSIDYKIT_DB``, else
    ~/.subsidykit/register.db if it exists; on xlwings Server the server's own (its
    environment), never a setting of the clerk's."""
    from subsidykit.register import resolve_url
    from subsidykit.register.review import ReviewRegister

    return ReviewRegister(resolve_url(None if remote else saved("REGISTER")))

