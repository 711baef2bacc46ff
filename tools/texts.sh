#!/usr/bin/env bash
# Maintain the text catalogue with Babel (pip install -e '.[test]' brings it):
#   tools/texts.sh update   extract msgids from the code and merge them into the .po files
#   tools/texts.sh compile  compile the .po files to the .mo files the program reads
# Translate new entries in fsiii_mapper/texts/locale/da/LC_MESSAGES/fsiii_mapper.po, then compile.
# tests/test_texts.py fails while a msgid lacks a Danish text or a .mo is older than its .po.
set -euo pipefail
cd "$(dirname "$0")/.."
locale=fsiii_mapper/texts/locale
pot="$(mktemp --suffix=.pot)"
trap 'rm -f "$pot"' EXIT
case "${1:-}" in
  update)
    pybabel extract -F babel.cfg -k t -k nt:1,2 -k N_ --no-location --sort-output \
      --project fsiii-mapper -o "$pot" .
    pybabel update -i "$pot" -d "$locale" -D fsiii_mapper --no-fuzzy-matching --width 100 \
      --ignore-obsolete
    ;;
  compile)
    pybabel compile -d "$locale" -D fsiii_mapper --statistics
    ;;
  *)
    echo "usage: tools/texts.sh update|compile" >&2
    exit 2
    ;;
esac
