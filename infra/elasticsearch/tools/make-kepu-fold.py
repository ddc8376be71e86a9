#!/usr/bin/env python3
"""Writes analysis/kepu-fold.txt, the rules of the `kepu_fold` mapping char filter.

Usage: make-kepu-fold.py TSCharacters.txt > ../analysis/kepu-fold.txt

TSCharacters.txt is OpenCC's traditional -> simplified character table (Apache-2.0), found in the
OpenCC sources (data/dictionary/) and in the opencc4j jar. A rule is kept when both sides are
single characters, the target is a GB2312 (common simplified) character and the source is not,
so that characters that are also valid simplified text (著, 乾, 干) are never rewritten; a few
traditional-only characters that GB2312 happens to contain are added by name (EXTRA).
Full-width ASCII (U+FF01..U+FF5E) and the ideographic space fold to their half-width forms.
"""
import sys

EXTRA = {"後": "后", "於": "于", "菸": "烟", "夥": "伙", "徵": "征", "摺": "折", "麽": "么"}


def in_gb2312(char):
    try:
        char.encode("gb2312")
        return True
    except UnicodeEncodeError:
        return False


def escape(char):
    return char if char.isprintable() and not char.isspace() and char not in "\\#=>" else "\\u%04x" % ord(char)


def main(table):
    rules = {}
    with open(table, encoding="utf-8") as lines:
        for line in lines:
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 2:
                continue
            source, target = parts[0], parts[1].split(" ")[0]
            if len(source) == 1 and len(target) == 1 and source != target \
                    and in_gb2312(target) and not in_gb2312(source):
                rules[source] = target
    rules.update(EXTRA)
    out = sys.stdout
    out.write("# 检索归一化规则（kepu_fold 字符过滤器，Elasticsearch mapping 格式，UTF-8）。\n")
    out.write("# 由 infra/elasticsearch/tools/make-kepu-fold.py 从 OpenCC 的 TSCharacters.txt（Apache-2.0）生成，请勿手工编辑。\n")
    out.write("# 繁体字折叠为简体字，全角字母数字折叠为半角；建索引和检索时都使用，修改后需要全量重建索引。\n")
    for code in range(0xFF01, 0xFF5F):
        out.write("%s => %s\n" % (escape(chr(code)), escape(chr(code - 0xFEE0))))
    out.write("\\u3000 => \\u0020\n")
    for source in sorted(rules):
        out.write("%s => %s\n" % (source, rules[source]))


if __name__ == "__main__":
    main(sys.argv[1])
