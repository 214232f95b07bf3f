"""The review page of ``factx review``: one self-contained HTML file in which a
fact-checker reads each document with its facts highlighted in place, goes
through them one by one and marks each correct or wrong.

- `collect`  gathers the documents and their facts (extracted, or read from a
  fact file and checked against the sources),
- `results`  reads the output of ``factx check`` and ``factx compare``,
- `layout`   turns them into the page's data (texts cut into segments in Python,
  so that the page never computes an offset),
- `page`     assembles the HTML from the files of ``static/``,
- `command`  is the ``factx review`` subcommand,
- `browser`  starts the system's headless Chromium (tests, benchmark, screenshot).
"""
