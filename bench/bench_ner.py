"""Tokens/s of the shipped CRF tagger (features included) on SaudiNewsNet, beside tokenising.

Run: .venv/bin/python bench/bench_ner.py [N_ARTICLES]. Single process; rates use this process's
CPU time (time.process_time), so they are per core even on a busy machine.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from marsad.ner.clusters import saudinewsnet_texts
from marsad.ner.crf import load_tagger
from marsad.text.segment import split_sentences, tokenize


def _shared() -> Path:
    env = os.environ.get("MARSAD_SHARED")
    return Path(env) if env else Path(__file__).resolve().parents[1].parent / "shared"


def _tokenise(texts: list[str]) -> list[list[str]]:
    out: list[list[str]] = []
    for text in texts:
        for sent in split_sentences(text):
            toks = [text[t.start : t.end] for t in tokenize(text, sent.start, sent.end)]
            if toks:
                out.append(toks)
    return out


def main() -> None:
    """Time tokenising alone, then tagging cold (empty feature caches) and warm."""
    n_articles = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    folder = _shared() / "data" / "news" / "saudinewsnet"
    if not folder.is_dir():
        print(f"skipped: {folder} not found")
        return
    texts = list(saudinewsnet_texts(folder, limit=n_articles))
    tagger = load_tagger()

    t0 = time.process_time()
    sentences = _tokenise(texts)
    t_tok = time.process_time() - t0
    n_tokens = sum(len(s) for s in sentences)

    t0 = time.process_time()
    tagger.tag(sentences)
    t_cold = time.process_time() - t0
    t0 = time.process_time()
    tagger.tag(sentences)
    t_warm = time.process_time() - t0

    print(f"articles            {len(texts)}")
    print(f"sentences           {len(sentences)}")
    print(f"tokens              {n_tokens}")
    print(f"tokenise only       {n_tokens / t_tok:12,.0f} tokens/s")
    print(f"tag, cold caches    {n_tokens / t_cold:12,.0f} tokens/s  (features + CRF)")
    print(f"tag, warm caches    {n_tokens / t_warm:12,.0f} tokens/s  (features + CRF)")
    print(f"tag/tokenise cost   {t_cold / t_tok:12.2f} x (cold)")


if __name__ == "__main__":
    main()
