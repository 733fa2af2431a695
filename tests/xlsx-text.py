#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Prints every text an XLSX file holds (cells, sheet names), one per line, for the tests.

With a second argument, only the texts of that part of the file, such as
xl/sharedStrings.xml, where the cells written as text keep their text."""

import re
import sys
import zipfile

with zipfile.ZipFile(sys.argv[1]) as xlsx:
    for name in sorted(xlsx.namelist()):
        if name.endswith(".xml") and (len(sys.argv) < 3 or name == sys.argv[2]):
            xml = xlsx.read(name).decode("utf-8")
            for text in re.findall(r">([^<>]+)<", xml):
                print(text)
            for text in re.findall(r'name="([^"]+)"', xml):
                print(text)
