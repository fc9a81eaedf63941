#!/usr/bin/env python3
"""Writes canonical-decompositions.txt, the NFD table Vtp's BERT normaliser uses instead of string.Normalize.

string.Normalize does nothing under DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1 (it needs ICU), and accent stripping
is NFD followed by dropping the non-spacing marks, so Vtp carries the canonical decompositions itself and uses them
in both modes. Run with Debian's python3 (3.11, Unicode 14.0.0):

    python3 make-canonical-decompositions.py > canonical-decompositions.txt

Each line holds a code point and its full canonical decomposition (recursively decomposed and canonically ordered:
unicodedata.normalize('NFD', c)), in hex. Left out:
- the Hangul syllables U+AC00..U+D7A3, which decompose arithmetically (Unicode 3.12, done in code);
- U+11938 DIVES AKURU VOWEL SIGN O (decomposition added in Unicode 13.0), which the HF tokenizer's normaliser
  (the `unicode-normalization-alignments` tables) leaves whole; Vtp.Tests' hf-unicode-classes.json shows it.
"""
import unicodedata

LEFT_WHOLE_BY_THE_REFERENCE = {0x11938}


def main():
    print(f"# Canonical decompositions (NFD) of Unicode {unicodedata.unidata_version}, from Python's unicodedata, "
          "written by make-canonical-decompositions.py.")
    print("# Code point, then its full NFD; Hangul syllables (arithmetic) and U+11938 are left out (see the script).")
    for cp in range(0x110000):
        if 0xD800 <= cp <= 0xDFFF or 0xAC00 <= cp <= 0xD7A3 or cp in LEFT_WHOLE_BY_THE_REFERENCE:
            continue
        decomposed = unicodedata.normalize('NFD', chr(cp))
        if decomposed != chr(cp):
            print(f"{cp:04X} " + " ".join(f"{ord(c):04X}" for c in decomposed))


if __name__ == '__main__':
    main()
