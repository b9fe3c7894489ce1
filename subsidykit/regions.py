"""Jiangsu's 13 设区市 and their administrative division codes (GB/T 2260), for per-city limits.

Reference data, not a rule: which city a submission belongs to is read from its 地区 /
项目所在地 text, or failing that from the 登记管理机关行政区划码 inside its 统一社会信用代码
(characters 3-8; the first four digits name the 设区市).
"""

from __future__ import annotations

import unicodedata

from .uscc import normalise

CITIES: dict[str, str] = {
    "南京市": "3201",
    "无锡市": "3202",
    "徐州市": "3203",
    "常州市": "3204",
    "苏州市": "3205",
    "南通市": "3206",
    "连云港市": "3207",
    "淮安市": "3208",
    "盐城市": "3209",
    "扬州市": "3210",
    "镇江市": "3211",
    "泰州市": "3212",
    "宿迁市": "3213",
}
_BY_CODE = {code: city for city, code in CITIES.items()}


def city_of_text(text: object) -> str | None:
    """"苏州市吴中区" / "苏州" / "江苏省苏州市" -> "苏州市"; None when no city is named."""
    if not isinstance(text, str):
        return None
    t = "".join(unicodedata.normalize("NFKC", text).split()).removeprefix("江苏省").removeprefix("江苏")
    for city in CITIES:
        if t.startswith((city, city[:-1])):
            return city
    return None


def city_of_uscc(code: object) -> str | None:
    """The 设区市 of the registering authority coded in a 统一社会信用代码 (characters 3-6)."""
    text = normalise(code)
    if len(text) != 18:
        return None
    return _BY_CODE.get(text[2:6])


def region_code(city: str) -> str:
    """"苏州市" -> "320500" (the city-level division code, for making example codes)."""
    return CITIES[city] + "00"
