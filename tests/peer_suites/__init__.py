"""Other projects' Arabic test suites, run against factx (see README.md)."""
