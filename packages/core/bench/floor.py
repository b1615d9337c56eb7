#!/usr/bin/env python3
"""The floor of `raccord check`: read the same exports once, doing nothing else.

Walks the given files and folders as the CLI does (recursively, dot-files skipped, sorted), opens
ZIP archives with zipfile (one level of nesting, as Raccord), and reads every entry once:
- XML with xml.etree.ElementTree.iterparse: expat, a C tokeniser, decodes the encoding the XML
  declaration names (ISO-8859-15 through Python's codec); each element is dropped once read;
- anything else as text with the csv module: UTF-8 BOM, UTF-16 BOM, valid UTF-8, else
  Windows-1252 (the CLI's sniffing, simplified), `;`, `,` or tab as the header row shows.

Prints one JSON line (files, bytes, XML elements, CSV rows, seconds inside Python) so that the
bench can check both sides read the same files. Time the whole process from outside: start-up is
part of the floor, as Node's is part of `raccord check`. The same bytes given twice (a ZIP entry and
its loose copy) are read once, as Raccord reads them once: the floor is not padded with work Raccord
does not do.
"""
import csv
import hashlib
import io
import json
import os
import sys
import time
import xml.etree.ElementTree as ET
import zipfile


def inputs(paths):
    for p in paths:
        if os.path.isdir(p):
            for name in sorted(os.listdir(p)):
                if not name.startswith('.'):
                    yield from inputs([os.path.join(p, name)])
        elif os.path.isfile(p):
            with open(p, 'rb') as f:
                yield p, f.read()


def useful_entry(name):
    parts = name.split('/')
    return not name.endswith('/') and '__MACOSX' not in parts and not parts[-1].startswith('.')


def payloads(name, data, depth=0):
    if data[:4] in (b'PK\x03\x04', b'PK\x05\x06') and depth < 2:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            for info in sorted(z.infolist(), key=lambda i: i.filename):
                if useful_entry(info.filename):
                    yield from payloads(f'{name}/{info.filename}', z.read(info), depth + 1)
    else:
        yield name, data


def looks_like_xml(data):
    head = data[3:400] if data.startswith(b'\xef\xbb\xbf') else data[:400]
    return head.lstrip(b' \t\r\n').startswith(b'<')


def decode_text(data):
    if data.startswith(b'\xef\xbb\xbf'):
        return data[3:].decode('utf-8')
    if data.startswith((b'\xff\xfe', b'\xfe\xff')):
        return data.decode('utf-16')
    try:
        return data.decode('utf-8')
    except UnicodeDecodeError:
        return data.decode('cp1252', errors='replace')


def read_xml(data):
    elements = 0
    for _event, element in ET.iterparse(io.BytesIO(data), events=('end',)):
        elements += 1
        element.clear()
    return elements


def read_csv(data):
    text = decode_text(data)
    header = text[: text.find('\n')] if '\n' in text else text
    delimiter = max(';,\t', key=header.count)
    return sum(1 for _row in csv.reader(io.StringIO(text, newline=''), delimiter=delimiter))


def main(paths):
    started = time.perf_counter()
    totals = {'files': 0, 'bytes': 0, 'xmlElements': 0, 'csvRows': 0, 'duplicates': 0}
    seen = set()
    for path, data in inputs(paths):
        for _name, payload in payloads(path, data):
            digest = hashlib.blake2b(payload, digest_size=16).digest()
            if digest in seen:
                totals['duplicates'] += 1
                continue
            seen.add(digest)
            totals['files'] += 1
            totals['bytes'] += len(payload)
            if looks_like_xml(payload):
                totals['xmlElements'] += read_xml(payload)
            else:
                totals['csvRows'] += read_csv(payload)
    totals['seconds'] = round(time.perf_counter() - started, 4)
    print(json.dumps(totals))


if __name__ == '__main__':
    if len(sys.argv) < 2:
        sys.exit('usage : floor.py <fichier|dossier>...')
    main(sys.argv[1:])
