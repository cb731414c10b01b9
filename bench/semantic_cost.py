"""What the learned topic space costs on a saved graph index: learning it, projecting the works, a fit.

Reads the index files of a store's version directory (any format: the space is learned here, not
read), so a big store built by an older kg can be measured without rebuilding or writing to it:

    PYTHONPATH=src nice -n 10 python bench/semantic_cost.py /tmp/kg10m/store.v1/kg-index
"""

from __future__ import annotations

import argparse
import json
import resource
import time
from pathlib import Path

import numpy as np
import scipy.sparse as sp

from kg.network import semantic, signals
from kg.network.index import GraphIndex


def read(folder: Path) -> GraphIndex:
    """The saved index in ``folder`` with its topic space learned again (timed by the caller)."""
    with np.load(folder / "arrays.npz") as stored:
        arrays = {name: stored[name] for name in stored.files}
    lists = json.loads((folder / "lists.json").read_text(encoding="utf-8"))
    shape = tuple(int(n) for n in arrays.pop("terms_shape"))
    matrix = sp.csc_matrix((arrays.pop("terms_data"), arrays.pop("terms_indices"),
                            arrays.pop("terms_indptr")), shape=shape)
    arrays.pop("term_space", None)
    empty = np.zeros((0, shape[1]), dtype=np.float32)
    return GraphIndex(**arrays, **lists, work_terms=matrix, term_space=empty)


def main() -> None:
    """Time each step and print one line each."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="a kg-index folder")
    options = parser.parse_args()
    index = read(options.folder)
    works, words = index.work_terms.shape
    started = time.process_time()
    index.term_space = semantic.learn_space(index.work_terms)
    print(f"learning the space ({index.term_space.shape[0]} dimensions, {works:,} works × {words:,} words): "
          f"{time.process_time() - started:.2f} s of CPU")
    started = time.process_time()
    vectors = index.work_space
    spent = time.process_time() - started
    print(f"projecting the works: {spent:.2f} s of CPU, {vectors.nbytes / 1e6:.0f} MB")
    v = signals.view(index, int(index.member_day[index.member_day < 10**6].max()))
    queries = [signals.query_vector(v, [title]) for title in index.work_title[:4]]
    signals.semantic_scores(v, queries)
    started = time.process_time()
    signals.semantic_scores(v, queries)
    print(f"the fit in the space for everyone, four queries: {time.process_time() - started:.3f} s of CPU")
    print(f"peak memory: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024:,} MB")


if __name__ == "__main__":
    main()
