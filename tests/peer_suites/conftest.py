"""Print the peer-suite gates (score, target, gap, floor) at the end of a run that tested them."""

from __future__ import annotations


def pytest_terminal_summary(terminalreporter):
    ran = any("peer_suites/" in getattr(r, "nodeid", "")
              for reports in terminalreporter.stats.values() for r in reports)
    if not ran:
        return
    from peer_suites import runner

    by_group = runner.scores(runner.run())
    terminalreporter.section("peer suites: score, target, floor (tests/peer_suites/thresholds.toml)")
    for gate in runner.gates():
        s = runner.gate_score(gate, by_group)
        terminalreporter.write_line(
            f"{gate.title:58s} {s.correct:4d}/{s.total:<4d} {s.rate:.3f}  target {gate.target:.2f}"
            f"  gap {max(0.0, gate.target - s.rate):.3f}  floor {gate.floor:.2f}  deliberate {s.deliberate}")
