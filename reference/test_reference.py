#!/usr/bin/python3
"""Run every reference self-check: /usr/bin/python3 reference/test_reference.py [-v]

Needs Debian's /usr/bin/python3 with python3-torch (torch 1.13) and numpy. Quick on one CPU thread.
"""
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from torch_runtime import configure_threads  # noqa: E402  (first: fails clearly without torch)

TEST_MODULES = ("test_formats", "test_simvtp_model", "test_simvtp_structure", "test_dump_and_retrieval")

if __name__ == "__main__":
    configure_threads()
    suite = unittest.defaultTestLoader.loadTestsFromNames(TEST_MODULES)
    verbosity = 2 if "-v" in sys.argv[1:] else 1
    result = unittest.TextTestRunner(verbosity=verbosity).run(suite)
    sys.exit(0 if result.wasSuccessful() else 1)
