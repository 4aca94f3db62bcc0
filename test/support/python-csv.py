"""Reads CSV files with Python's csv module, as the reference for Keyholder's reader.

stdin: a JSON list of [path, delimiter]. stdout: a JSON list, one entry per
file, each the list of rows csv.reader gives (an empty line is []).
The files are opened as the csv documentation says: newline='' and
utf-8-sig, so a byte order mark is not part of the first cell.
"""
import csv
import json
import sys

out = []
for path, delimiter in json.load(sys.stdin):
    with open(path, newline='', encoding='utf-8-sig') as f:
        out.append(list(csv.reader(f, delimiter=delimiter)))
json.dump(out, sys.stdout)
