"""The colours of the guide's pictures: a dark variant of an SVG, and the
contrast of its text. Used by tools/docs-finish and tools/docs-check.

The pictures are drawn on white paper (gnuplot, dot). For a reader in dark
mode, each gets a variant drawn on dark paper: every colour the SVG names
is mapped, greys by inverting their lightness (white paper becomes dark,
black ink light, a light grid dark), colours by inverting it too but
kept at least as light as a mid tone, so that a blue curve stays blue and
reads on the dark paper. What an SVG leaves unnamed is black, and becomes
the light ink.
"""
import colorsys
import re
import xml.etree.ElementTree as ElementTree

PAPER = 0.12      # the dark paper's lightness
INK = 0.90        # the light ink's lightness
NAMED = {"black": (0, 0, 0), "white": (255, 255, 255), "gray": (128, 128, 128),
         "grey": (128, 128, 128), "lightgrey": (211, 211, 211), "lightgray": (211, 211, 211),
         "red": (255, 0, 0), "green": (0, 128, 0), "blue": (0, 0, 255)}
COLOUR = re.compile(r"#[0-9a-fA-F]{6}\b|#[0-9a-fA-F]{3}\b|rgb\(\s*\d+\s*,\s*\d+\s*,\s*\d+\s*\)"
                    r"|\b(?:%s)\b" % "|".join(NAMED), re.I)


def parse(text):
    """An (r, g, b) from #rgb, #rrggbb, rgb(r, g, b) or a name; else None."""
    text = text.strip().lower()
    if text in NAMED:
        return NAMED[text]
    if re.fullmatch(r"#[0-9a-f]{6}", text):
        return tuple(int(text[i:i + 2], 16) for i in (1, 3, 5))
    if re.fullmatch(r"#[0-9a-f]{3}", text):
        return tuple(int(c * 2, 16) for c in text[1:])
    found = re.fullmatch(r"rgb\(\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*\)", text)
    return tuple(int(v) for v in found.groups()) if found else None


def dark(rgb):
    """The colour for dark paper of a colour drawn for white paper."""
    h, l, s = colorsys.rgb_to_hls(*(v / 255 for v in rgb))
    new = PAPER + (1 - l) * (INK - PAPER)
    if s > 0.25 and 0.25 < l < 0.75:
        new = max(new, 0.62)    # a curve's colour: a lighter tone of it
    elif s > 0.25:
        s = min(s, 0.35)        # a tint of the paper: a quiet shade of it
    r, g, b = colorsys.hls_to_rgb(h, new, s)
    return "#%02x%02x%02x" % tuple(round(v * 255) for v in (r, g, b))


def dark_svg(text):
    """The dark variant of the SVG `text`."""
    def swap(match):
        rgb = parse(match.group(0))
        return dark(rgb) if rgb else match.group(0)
    # Colours sit in attributes and style properties; the text between tags
    # (labels such as "input x") is left alone.
    out = re.sub(r"<[^>]*>", lambda tag: COLOUR.sub(swap, tag.group(0)), text)
    ink = dark((0, 0, 0))
    return re.sub(r"<svg\b", '<svg fill="%s" color="%s"' % (ink, ink), out, count=1)


def luminance(rgb):
    def channel(v):
        v /= 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(v) for v in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a, b):
    """The WCAG contrast ratio of two colours, 1 to 21."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def text_contrast(path, page):
    """The lowest contrast of any text of the SVG at `path` against its
    paper (a rectangle or polygon as large as the picture, drawn first),
    or against `page` (an (r, g, b)) where it has none; with that text."""
    root = ElementTree.parse(path).getroot()
    box = [float(v) for v in (root.get("viewBox") or "0 0 0 0").split()]
    paper = page
    for element in root.iter():
        tag = element.tag.split("}")[-1]
        if tag in ("text", "path", "line", "polyline", "circle", "ellipse"):
            break           # drawing has begun: no paper under it
        if tag not in ("rect", "polygon") or not parse(element.get("fill") or ""):
            continue
        if tag == "rect":
            size = [float(element.get(k, "0").rstrip("%px") or 0) for k in ("width", "height")]
        else:
            points = [float(v) for v in re.findall(r"-?[\d.]+", element.get("points") or "")]
            xs, ys = points[0::2], points[1::2]
            size = [max(xs) - min(xs), max(ys) - min(ys)] if xs else [0, 0]
        if size[0] >= 0.9 * box[2] and size[1] >= 0.9 * box[3]:
            paper = parse(element.get("fill"))
        break
    worst = (21.0, "")

    def walk(element, fill, colour):
        nonlocal worst
        style = dict(re.findall(r"([\w-]+)\s*:\s*([^;]+)", element.get("style") or ""))
        colour = parse(style.get("color") or element.get("color") or "") or colour
        value = style.get("fill") or element.get("fill")
        if value and value.strip() == "currentColor":
            fill = colour
        elif value and parse(value):
            fill = parse(value)
        if element.tag.split("}")[-1] == "text":
            words = "".join(element.itertext()).strip()
            if words:
                ratio = contrast(fill, paper)
                if ratio < worst[0]:
                    worst = (ratio, words)
            return
        for child in element:
            walk(child, fill, colour)
    walk(root, (0, 0, 0), (0, 0, 0))
    return worst
