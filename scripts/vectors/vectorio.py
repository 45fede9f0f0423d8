"""Writing a committed vector file: one place for the JSON layout all generators share."""
import json
import os


def write_vectors(path, doc, note=''):
    """Writes `doc` ({source, generator, generated, notes, rows}) to `path` as indented JSON (no NaN)
    with a final newline, creating the folder, and prints the row count."""
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, 'w') as fh:
        json.dump(doc, fh, indent=1, allow_nan=False)
        fh.write('\n')
    print(f"wrote {len(doc['rows'])} rows to {os.path.normpath(path)}{note}")
