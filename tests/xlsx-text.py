#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Prints every text an XLSX file holds (cells, sheet names), one per line, for the tests.

With a second argument, only the texts of that part of the file, such as
xl/sharedStrings.xml, where the cells written as text keep their text.
With --xml PART, that part's XML as it is. With --cells PART, each cell of
that sheet as "A1<tab>value", its text looked up in the shared strings."""

import re
import sys
import zipfile

with zipfile.ZipFile(sys.argv[1]) as xlsx:
    if len(sys.argv) == 4 and sys.argv[2] == "--xml":
        print(xlsx.read(sys.argv[3]).decode("utf-8"))
    elif len(sys.argv) == 4 and sys.argv[2] == "--cells":
        shared = re.findall(r"<si>(.*?)</si>", xlsx.read("xl/sharedStrings.xml").decode("utf-8"), re.S)
        shared = ["".join(re.findall(r"<t[^>]*>([^<]*)</t>", item)) for item in shared]
        sheet = xlsx.read(sys.argv[3]).decode("utf-8")
        for ref, attributes, value in re.findall(r'<c r="([A-Z]+[0-9]+)"([^>]*)>\s*<v>([^<]*)</v>', sheet):
            text = shared[int(value)] if 't="s"' in attributes else value
            print(ref + "\t" + text)
    else:
        for name in sorted(xlsx.namelist()):
            if name.endswith(".xml") and (len(sys.argv) < 3 or name == sys.argv[2]):
                xml = xlsx.read(name).decode("utf-8")
                for text in re.findall(r">([^<>]+)<", xml):
                    print(text)
                for text in re.findall(r'name="([^"]+)"', xml):
                    print(text)
