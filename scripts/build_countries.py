#!/usr/bin/env python3
"""Derive data/countries.tsv from the npm package `i18n-iso-countries` 7.14.0 (MIT).

How to run (python3, standard library only):

    tmp=$(mktemp -d)
    (cd "$tmp" && npm pack i18n-iso-countries@7.14.0 && tar xzf i18n-iso-countries-7.14.0.tgz)
    python3 scripts/build_countries.py "$tmp/package" > data/countries.tsv

The argument is the unpacked package directory; only langs/zh.json is read.

Output: one country a line, sorted by ISO 3166-1 alpha-2 code, tab-separated,
after one header line starting with `#`:

    code     ISO 3166-1 alpha-2 code (CN, SA, PH)
    name     simplified Chinese short name as the package gives it (沙特阿拉伯)
    aliases  comma-separated other names (may be empty)

The package gives one name per code (or a list, whose first entry becomes the
name and the rest aliases).  ALIASES below adds, by hand, official long names
where they differ from the short name (中华人民共和国, 美利坚合众国) and
common short forms (沙特, 阿联酋's long form 阿拉伯联合酋长国); each is checked
against every other country's names so that no surface names two countries.

HK, MO and TW are left out: 香港, 澳门 and 台湾 are province-level divisions in
data/gazetteer.tsv, not countries.  中国 (CN) is kept.
"""

import json
import os
import sys

EXCLUDED = {"HK", "MO", "TW"}

# Hand-added official long names and common short forms, by code.
ALIASES = {
    "AE": ["阿拉伯联合酋长国"],
    "AU": ["澳洲"],
    "BA": ["波斯尼亚和黑塞哥维那"],
    "CD": ["刚果民主共和国", "刚果金"],
    "CF": ["中非共和国"],
    "CG": ["刚果共和国", "刚果布"],
    "CN": ["中华人民共和国"],
    "CZ": ["捷克共和国"],
    "DE": ["德意志联邦共和国"],
    "EG": ["阿拉伯埃及共和国"],
    "FR": ["法兰西共和国"],
    "GB": ["大不列颠及北爱尔兰联合王国", "联合王国"],
    "ID": ["印度尼西亚"],
    "IN": ["印度共和国"],
    "IR": ["伊朗伊斯兰共和国"],
    "JP": ["日本国"],
    "KP": ["朝鲜民主主义人民共和国"],
    "KR": ["大韩民国"],
    "LA": ["老挝人民民主共和国"],
    "MN": ["蒙古国"],
    "MY": ["马来西亚联邦"],
    "NL": ["荷兰王国"],
    "NZ": ["纽西兰"],
    "PH": ["菲律宾共和国"],
    "PK": ["巴基斯坦伊斯兰共和国"],
    "RU": ["俄罗斯联邦", "俄国"],
    "SA": ["沙特", "沙特阿拉伯王国"],
    "SG": ["新加坡共和国"],
    "SZ": ["埃斯瓦蒂尼"],
    "TH": ["泰王国"],
    "TR": ["土耳其共和国"],
    "US": ["美利坚合众国"],
    "VN": ["越南社会主义共和国"],
    "ZA": ["南非共和国"],
}


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    pkg = sys.argv[1]
    if os.path.isdir(os.path.join(pkg, "package")):
        pkg = os.path.join(pkg, "package")
    with open(os.path.join(pkg, "langs", "zh.json"), encoding="utf-8") as f:
        data = json.load(f)
    if data.get("locale") != "zh":
        sys.exit("langs/zh.json does not have locale zh")

    rows = []
    for code, names in sorted(data["countries"].items()):
        if code in EXCLUDED:
            continue
        if isinstance(names, str):
            names = [names]
        name, aliases = names[0], list(names[1:])
        for a in ALIASES.get(code, []):
            if a != name and a not in aliases:
                aliases.append(a)
        rows.append((code, name, aliases))

    seen = {}
    for code, name, aliases in rows:
        for surface in [name] + aliases:
            if "\t" in surface or "," in surface or not surface:
                sys.exit(f"{code}: unusable name {surface!r}")
            if surface in seen and seen[surface] != code:
                sys.exit(f"{surface} names both {seen[surface]} and {code}")
            seen[surface] = code
    unknown = set(ALIASES) - {code for code, _, _ in rows}
    if unknown:
        sys.exit(f"aliases for unknown codes: {sorted(unknown)}")

    out = sys.stdout
    out.write("#code\tname\taliases\n")
    for code, name, aliases in rows:
        out.write(f"{code}\t{name}\t{','.join(aliases)}\n")
    print(f"{len(rows)} countries", file=sys.stderr)


if __name__ == "__main__":
    main()
