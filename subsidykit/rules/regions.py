"""Jiangsu's 13 设区市 and their administrative division codes (GB/T 2260), for per-city limits.

Reference data, not a rule: which city a submission belongs to is read from its 地区 /
项目所在地 text, or failing that from the 登记管理机关行政区划码 inside its 统一社会信用代码
(characters 3-8; the first four digits name the 设区市).
"""

from __future__ import annotations

import unicodedata

from subsidykit.rules.uscc import normalise

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


# County-level divisions of each 设区市 (区、县级市、县), as commonly written, with the
# development zones clerks write in place of a district.  Reference data for reading a
# place by meaning ("江苏省南京市" and "江宁区" are both in 江苏省), not a rule.
COUNTIES: dict[str, tuple[str, ...]] = {
    "南京市": ("玄武区", "秦淮区", "建邺区", "鼓楼区", "浦口区", "栖霞区", "雨花台区", "江宁区", "六合区", "溧水区", "高淳区", "江北新区"),
    "无锡市": ("锡山区", "惠山区", "滨湖区", "梁溪区", "新吴区", "江阴市", "宜兴市"),
    "徐州市": ("鼓楼区", "云龙区", "贾汪区", "泉山区", "铜山区", "丰县", "沛县", "睢宁县", "新沂市", "邳州市"),
    "常州市": ("天宁区", "钟楼区", "新北区", "武进区", "金坛区", "溧阳市"),
    "苏州市": ("虎丘区", "吴中区", "相城区", "姑苏区", "吴江区", "常熟市", "张家港市", "昆山市", "太仓市", "苏州工业园区"),
    "南通市": ("崇川区", "通州区", "海门区", "如东县", "启东市", "如皋市", "海安市"),
    "连云港市": ("连云区", "海州区", "赣榆区", "东海县", "灌云县", "灌南县"),
    "淮安市": ("淮安区", "淮阴区", "清江浦区", "洪泽区", "涟水县", "盱眙县", "金湖县"),
    "盐城市": ("亭湖区", "盐都区", "大丰区", "响水县", "滨海县", "阜宁县", "射阳县", "建湖县", "东台市"),
    "扬州市": ("广陵区", "邗江区", "江都区", "宝应县", "仪征市", "高邮市"),
    "镇江市": ("京口区", "润州区", "丹徒区", "丹阳市", "扬中市", "句容市"),
    "泰州市": ("海陵区", "高港区", "姜堰区", "兴化市", "靖江市", "泰兴市"),
    "宿迁市": ("宿城区", "宿豫区", "沭阳县", "泗阳县", "泗洪县"),
}

# Names also used outside Jiangsu (福州/开封 鼓楼区, 北京 通州区, 阜新 海州区): they say nothing alone.
AMBIGUOUS_COUNTIES = frozenset({"鼓楼区", "通州区", "海州区"})

# Province-level divisions: a place naming one of them (other than 江苏) is not in 江苏省.
PROVINCES: tuple[str, ...] = (
    "北京市", "天津市", "河北省", "山西省", "内蒙古自治区", "辽宁省", "吉林省", "黑龙江省", "上海市", "江苏省",
    "浙江省", "安徽省", "福建省", "江西省", "山东省", "河南省", "湖北省", "湖南省", "广东省", "广西壮族自治区",
    "海南省", "重庆市", "四川省", "贵州省", "云南省", "西藏自治区", "陕西省", "甘肃省", "青海省",
    "宁夏回族自治区", "新疆维吾尔自治区", "台湾省", "香港特别行政区", "澳门特别行政区",
)


def _short(name: str) -> str:
    """"江苏省" -> "江苏", "内蒙古自治区" -> "内蒙古", "广西壮族自治区" -> "广西"."""
    for suffix in ("维吾尔自治区", "壮族自治区", "回族自治区", "特别行政区", "自治区", "省", "市"):
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    return name


def _bare(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split()).removeprefix("中国").removeprefix("中华人民共和国")


def province_of(text: object) -> str | None:
    """The province-level division a place text lies in: "江苏" / "江苏省南京市" / "南京市" /
    "江宁区" / "昆山" -> "江苏省"; "上海市浦东新区" -> "上海市"; None when the text does not say."""
    if not isinstance(text, str) or not text.strip():
        return None
    t = _bare(text)
    for prov in PROVINCES:
        if t.startswith((prov, _short(prov))):
            return prov
    if city_of_text(t) is not None:
        return "江苏省"
    for counties in COUNTIES.values():
        for county in counties:
            if county in AMBIGUOUS_COUNTIES:
                continue
            # a county-level city may be written without 市 (昆山, 江阴); 区 and 县 only in full
            short = county[:-1] if county.endswith("市") else county
            if t.startswith((county, short)):
                return "江苏省"
    return None


def same_province(text: object, province: str) -> bool | None:
    """True/False when the place text is / is not in `province` ("江苏省"); None when unreadable."""
    got = province_of(text)
    want = province_of(province) or province
    return None if got is None else got == want


def _county_forms(county: str) -> tuple[str, ...]:
    """How a county is written: in full, a county-level city also without 市 (邳州, 昆山)."""
    return (county, county[:-1]) if county.endswith("市") and len(county) > 2 else (county,)


def place_of(text: object, city: str | None = None) -> tuple[str | None, str | None]:
    """(设区市, 县（市、区）) a text names anywhere in it: "徐州市丰县", "2021年丰县申报台账",
    "邳州" (with `city` 徐州市), "苏州市吴中区".  A county is looked up among the counties of the
    city the text names, else of `city`, else of every city (names also used elsewhere, such as
    鼓楼区, only with a city); (None, None) when the text names nothing, and the county is None
    when it names several or one outside the city it names.  Never guessed beyond the names."""
    if not isinstance(text, str) or not text.strip():
        return None, None
    t = "".join(unicodedata.normalize("NFKC", text).split())
    named = [c for c in CITIES if c in t or c[:-1] in t]
    where = named[0] if len(named) == 1 else None
    if len(named) > 1:
        return None, None

    def found(cities) -> set[tuple[str, str]]:
        hits = set()
        for c in cities:
            for county in COUNTIES[c]:
                if any(f in t for f in _county_forms(county)):
                    hits.add((c, county))
        # a name inside a longer one found as well (鼓楼区 in 雨花台区? never; 云龙区 alone): keep the longest
        return {h for h in hits if not any(h[1] != o[1] and h[1] in o[1] for o in hits)}

    if where is not None:
        hits = found([where])
    elif city in COUNTIES:
        hits = found([city]) or {h for h in found(COUNTIES) if h[1] not in AMBIGUOUS_COUNTIES}
    else:
        hits = {h for h in found(COUNTIES) if h[1] not in AMBIGUOUS_COUNTIES}
    if len(hits) != 1:
        return where, None
    c, county = next(iter(hits))
    return where or c, county
