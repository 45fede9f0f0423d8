#!/usr/bin/env python3
"""Regenerates every committed vector file (`npm run vectors`): test/vectors/ and the domain folders' vectors.

Vectors are generated once and committed; tests never run this. The mpmath scripts run under the
current python3 (mpmath >= 1.3); the QuantLib scripts run under Debian's /usr/bin/python3, which has
quantlib-python (apt-get install quantlib-python python3-mpmath).
"""
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
JOBS = [
    (sys.executable, 'mpmath_options.py'),
    (sys.executable, 'mpmath_normal.py'),
    (sys.executable, 'textbook.py'),
    ('/usr/bin/python3', 'quantlib_options.py'),
    ('/usr/bin/python3', 'quantlib_exotic.py'),
    ('/usr/bin/python3', 'quantlib_models.py'),
    ('/usr/bin/python3', 'quantlib_american.py'),
    ('/usr/bin/python3', 'quantlib_mc.py'),
    (sys.executable, '../lending/firstPassage_mpmath.py'),
]

for python, script in JOBS:
    print(f'== {python} {script}', flush=True)
    subprocess.run([python, os.path.join(HERE, script)], check=True)
