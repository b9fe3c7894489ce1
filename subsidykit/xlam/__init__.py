"""Building the desktop Excel add-in (.xlam) from the text sources in ``addin/desktop``.

`cfb` writes compound files, `ovba` the VBA project (MS-OVBA), `udfgen` the worksheet
function wrappers, `ribbon` checks customUI14.xml, `package` assembles the .xlam and
`check` reads a built file back.
"""

from subsidykit.xlam.package import SOURCE_DIR, BuildError, BuildResult, build

__all__ = ["SOURCE_DIR", "BuildError", "BuildResult", "build"]
