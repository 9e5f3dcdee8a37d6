"""Checks of benches/capped.py and of run.py's reuse of an existing export:
`python3 -m unittest discover -s benches -p 'test_*.py'` (a few seconds, stdlib only)."""
import sys
import tempfile
import unittest
from pathlib import Path

from capped import run_capped

PY = sys.executable


class RunCapped(unittest.TestCase):
    def test_a_finished_run_has_its_figures(self):
        r = run_capped([PY, "-c", "x = bytearray(100 * 1024 * 1024); print(len(x))"], 30)
        self.assertTrue(r["ok"], r)
        self.assertIsNone(r["why"])
        self.assertEqual(r["out"].strip(), str(100 * 1024 * 1024))
        # The kernel's peak RSS of that one process: the 100 MiB it touched, and not much more.
        self.assertGreater(r["rss"], 100)
        self.assertLess(r["rss"], 400)

    def test_a_failing_run_says_its_exit_status(self):
        r = run_capped([PY, "-c", "import sys; sys.exit(3)"], 30)
        self.assertFalse(r["ok"])
        self.assertEqual(r["why"], "exited with 3")

    def test_a_run_past_its_time_is_killed_and_says_so(self):
        r = run_capped([PY, "-c", "import time; time.sleep(30)"], 1)
        self.assertFalse(r["ok"])
        self.assertEqual(r["why"], "timed out after 1 s")
        self.assertLess(r["wall"], 10)

    def test_an_allocation_past_the_address_space_fails_inside_the_run(self):
        r = run_capped([PY, "-c", "x = bytearray(2 * 1024 ** 3)"], 30, 1024 ** 3)
        self.assertFalse(r["ok"])
        self.assertIn("MemoryError", r["err"])
        self.assertLess(r["rss"], 1024)


class ReusedExport(unittest.TestCase):
    def setUp(self):
        import run
        self.run = run
        self.dir = tempfile.TemporaryDirectory()

    def tearDown(self):
        self.dir.cleanup()

    def export_ending(self, tail):
        path = Path(self.dir.name) / "discord.json"
        path.write_text('{"messages": []' + tail)
        return path

    def test_a_complete_export_is_used_as_it_is(self):
        path = self.export_ending(', "messageCount": 10000\n}\n')
        self.assertEqual(self.run.reused_export("10k", path), path)

    def test_an_export_of_another_size_or_unfinished_is_refused(self):
        for tail in (', "messageCount": 100000\n}\n', ', "messageCount": 100'):
            with self.assertRaises(SystemExit) as refused:
                self.run.reused_export("10k", self.export_ending(tail))
            self.assertIn("BENCH_EXPORT_10K=", str(refused.exception.code))

    def test_a_missing_file_is_refused_in_a_sentence(self):
        with self.assertRaises(SystemExit) as refused:
            self.run.reused_export("1m", Path(self.dir.name) / "none.json")
        self.assertIn("cannot read it", str(refused.exception.code))


if __name__ == "__main__":
    unittest.main()
