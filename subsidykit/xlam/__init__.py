"""Building the desktop Excel add-in (.xlam) from the text sources in ``addin/desktop``.

`cfb` writes compound files, `ovba` the VBA project (MS-OVBA), `udfgen` the worksheet
function wrappers, `ribbon` checks customUI14.xml, `package` assembles the .xlam and
`check` reads a built file back.

Layer: adapter support.  May import: `subsidykit.workbooks` (column letters, the
reproducible zip) and below; never `udfs` or `macros` — the CLI passes the worksheet-function
module and the help rows to `build` as arguments.
"""

from subsidykit.xlam.package import SOURCE_DIR, BuildError, BuildResult, build

__all__ = ["SOURCE_DIR", "BuildError", "BuildResult", "build"]
