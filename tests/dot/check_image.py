#!/usr/bin/env python3
"""check_image.py - FILE FORMAT: checks that FILE really is a PDF (starts
with %PDF-, ends with %%EOF), a PNG (signature, IHDR with plausible
dimensions) or an SVG (XML whose root is <svg>)."""
import struct
import sys
import xml.etree.ElementTree as ET


def fail(msg):
    print("FAIL: " + msg)
    sys.exit(1)


path, fmt = sys.argv[1], sys.argv[2]
data = open(path, "rb").read()
if fmt == "pdf":
    if not data.startswith(b"%PDF-"):
        fail("no %PDF- header")
    if not data.rstrip().endswith(b"%%EOF"):
        fail("no %%EOF trailer")
    print("ok: pdf, %d bytes" % len(data))
elif fmt == "png":
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        fail("no PNG signature")
    length, kind = struct.unpack(">I4s", data[8:16])
    if kind != b"IHDR" or length != 13:
        fail("first chunk is not IHDR")
    w, h, depth, color = struct.unpack(">IIBB", data[16:26])
    if not (200 <= w <= 20000 and 200 <= h <= 20000):
        fail("implausible size %dx%d" % (w, h))
    if depth != 8:
        fail("bit depth %d" % depth)
    print("ok: png %dx%d" % (w, h))
elif fmt == "svg":
    root = ET.fromstring(data)
    if root.tag != "{http://www.w3.org/2000/svg}svg":
        fail("root element is %s" % root.tag)
    print("ok: svg")
else:
    fail("unknown format " + fmt)
