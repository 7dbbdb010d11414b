"""Regenerates every figure: runs main() of each content/figures/<essay-slug>.py. Usage: /usr/bin/python3 content/figures/make.py [slug …]"""
import importlib
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

if __name__ == "__main__":
    wanted = set(sys.argv[1:])
    for script in sorted(HERE.glob("*.py")):
        if script.stem in ("figkit", "make") or (wanted and script.stem not in wanted):
            continue
        importlib.import_module(script.stem).main()
        print("made", script.stem)
