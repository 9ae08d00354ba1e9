"""Date lines and publication stamps, and the credits printed beside them."""
from __future__ import annotations

import re

# Weekday names beside a date: "Thu 02 Oct 2025", "Montag, 4. März", "الخميس 02 أكتوبر"
WEEKDAYS = re.compile(
    r"\b(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|urday|sday)?\b\.?|"
    r"\b(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|"
    r"lunes|martes|miércoles|jueves|viernes|sábado|domingo|segunda|terça|quarta|quinta|sexta)(?:-feira)?\b|"
    r"(?:الأحد|الاثنين|الإثنين|الثلاثاء|الأربعاء|الاربعاء|الخميس|الجمعة|السبت)", re.I)
# Times, zones and their words on a date line: "11:45 AM", "GMT+2", "um 13:10 Uhr", "الساعة", "5 min read"
TIME_BITS = re.compile(r"\d{1,2}[:h]\d{2}(?::\d{2})?\s*(?:[ap]\.?\s?m\.?|صباح[اً]*|مساء[اً]*|ص|م)?|\b(?:GMT|UTC|EST|EDT|PST|PDT|CET|CEST|BST)\b"
                        r"(?:\s*[+-]\s*\d{1,2}(?::?\d{2})?)?|\bat\b|\bum\b|\buhr\b|\bà\b|\bàs\b|\ba las\b|الساعة|\d+\s*(?:min(?:ute)?s?)\s+read", re.I)
# "2025", "٢٠٢٥"
ANY_DIGIT = re.compile(r"\d")  # Western and Eastern Arabic digits alike
# Dates that are not when the article appeared: a member's registration, a licence or software
# release, an expiry, a validity, a reader's comment.
NOT_PUBLICATION = re.compile(
    r"\b(?:registriert|registered|joined|member since|mitglied seit|dabei seit|verfügbar bis|available until|"
    r"gültig (?:bis|seit)|valid (?:until|from)|release|version|reply|antwort(?:en)?|répondre|responder|rispondi|"
    r"kommentar schreiben|expires?|läuft ab)\b", re.I)
# What opens a date line's residue before a name: "um", "at", "| " ("am 20.09.2020 um Max Muster")
TIME_WORDS = re.compile(r"^(?:(?:uhr|um|am|at|on)\b|[-–—|~,])\s*", re.I)
# A handle alone on a line under a byline: "@janedoe"
HANDLE_LINE = re.compile(r"^@\w+$")
# Separators of a post's meta line: "Marie Merlet | lundi 9 décembre 2019", "Janic Cathomen, 01.12.2021"
META_SEP = re.compile(r"\s*[|•·~—–]\s*|,\s+|\s+/\s+")
# Words around a date in a credit or stamp: "Posted on August 2, 2019", "Dezember 26, 2019 von Andrea", "نشر بتاريخ"
DATE_CONTEXT = re.compile(
    r"\b(?:posted|published|written|updated|on|by|von|am|um|uhr|veröffentlicht|erschienen|stand|publié|le|par|"
    r"publicado|por|em|el|pubblicato|il|di|geplaatst|door|опубликовано|yayınlanma)\b|نشر|بتاريخ|كتب|·|\||//", re.I)
# A word that credits an author: "by", "von", "par", "Autorin", "بقلم", "كتب"
CREDIT_WORD = re.compile(r"(?:\b(?:by|von|vom|par|por|de|di|door|av|af|autor(?:in)?|author|auteur|autore|text|redaktion)\b"
                          r"|بقلم|كتب)", re.I)
# A blog theme's entry footer: categories and tags first, the date at the end of a long line
# ("This entry was posted in A, B and tagged C on March 5, 2012 by X")
ENTRY_META = re.compile(r"^(?:this entry was posted in|dieser eintrag wurde veröffentlicht in|"
                         r"cette entrée a été publiée dans|esta entrada fue publicada en|questa voce è stata pubblicata in)\b",
                         re.I)
DATELINE = re.compile(r"[^\W\d_][\w .'-]{1,30},\s*\(?\d")  # "Karlsruhe, (12.11.2021). ..."
HANDLE = re.compile(r"@\w")  # "@user ... October 9, 2018" closes an embedded post
# words that announce a publication date in a page's chrome
STAMP = re.compile(r"\b(?:posted|published|veröffentlicht|erschienen|erstellt|datum|date|publié|publicado|pubblicato|"
                    r"geplaatst|опубликовано|stand|vom|am|on|le|el|il)\b|نشر|بتاريخ", re.I)
# An update stamp's words: where the text about a date ends and another one ("| Updated: 08:39")
# begins; the cleaner uses them to tell update stamps from publication dates.
UPDATED = re.compile(r"\b(?:updated?|last modified|modified|aktualisiert|aktualisierung|geändert|änderung|editiert|"
                     r"edited|revision|actualizado|actualisé|mis à jour|atualizado|aggiornato)\b|آخر تحديث|تم التحديث|تحديث",
                     re.I)
# "Published" stamps: "Posted on", "Veröffentlicht am", "نشر"
PUBLISHED = re.compile(r"\b(?:published|posted|veröffentlicht|publié|publicado)\b|نشر", re.I)
# A word that is only part of a date line: "Date", "Published", "am", "بتاريخ"
DATE_WORDS = re.compile(
    r"^(?:date|published|publié|posted|updated|last updated|veröffentlicht|aktualisiert|am|on|le|el|"
    r"publicado|atualizado|pubblicato|نشر|نشر في|تاريخ النشر|آخر تحديث|تحديث|بتاريخ|في)$", re.I)
