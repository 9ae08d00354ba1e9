"""Captions and photo credits: a credit-only line, a caption ending in its credit, credit cues inside a line."""
from __future__ import annotations

import re

# Captions and credits. A credit-only line ("Photo: X", "(Image credit: X)", "تصوير: X") and a
# caption line that ends in a credit ("... [File Photo] / AP", "... (Photo: X)").
CREDIT_LINE = re.compile(r"^\s*\(?\s*(?:photo|photograph|photos|image|picture|pic|credit|image credit|photo credit|foto|bild|"
                  r"source image|تصوير|صورة|الصورة|المصدر الصورة|مصدر الصورة|صدر الصورة|حقوق الصورة)\s*(?:by|:|：|-|–|،)\s*"
                  r"(?P<credit>[^()]{2,80}?)\s*\)?\s*$", re.I)
CAPTION_PREFIX = re.compile(r"^\s*(?:image caption|media caption|caption|photo caption|legende|légende|bildunterschrift|"
                            r"التعليق على الصورة|تعليق على الصورة|تعليق الصورة|شرح الصورة)\s*[:：،]?\s+(?P<text>.+)$", re.I)
CAPTION_SUFFIX = re.compile(
    r"^(?P<text>.{10,400}?)\s*(?:\[\s*(?:file\s+)?photo\s*\]|\(\s*(?:file\s+)?photo\s*\))?\s*"
    r"(?:(?:/|\|)\s*(?P<credit>[A-Z][\w.&' -]{1,40}|[\u0600-\u06FF][\u0600-\u06FF .]{1,30})|"
    r"\(\s*(?:photo|image|credit|foto|تصوير)\s*[:：]\s*(?P<credit2>[^()]{2,60})\))\s*$", re.I)
# A caption with its credit at the end: "The minister at the meeting. Photo: Jane Doe", "... - تصوير: محمود حسن"
CREDIT_WORDS = ("photo", "image", "picture", "credit", "foto", "bild", "تصوير", "صورة")
TRAILING_CREDIT = re.compile(r"^(?P<text>.{10,400}?)\s*(?:[-–—|]\s*|(?<=[.!?])\s*)(?:photo|photograph|image|picture|credit|"
                             r"photo credit|image credit|foto|bild|تصوير|صورة|الصورة)\s*[:：]\s*(?P<credit>[^:()]{2,80}?)\s*\.?$",
                             re.I)
FILE_PHOTO = re.compile(r"\[\s*(?:file\s+)?photo\s*\]|\(\s*file\s+photo\s*\)", re.I)
# Caption cues inside a line: "(AP Photo/Alan Diaz)", "... Credit: ESA", "1of4 ...", "(pictured)".
CAPTION_INLINE = re.compile(r"\((?:AP|AFP|Reuters|Getty|EPA|[A-Z][\w.]+)?\s*(?:Photo|Image|Foto)s?\s*(?:/|by|:)\s*[^)]{2,60}\)\s*\.?\s*$|"
                            r"\b(?:Photo|Image|Picture)?\s*Credit\s*:\s*[^.]{2,80}$|^\d+\s?of\s?\d+\s?\S|"
                            r"\((?:Image|Photo) credit:[^)]*\)\s*$|\bGetty Images\s*$", re.I)
