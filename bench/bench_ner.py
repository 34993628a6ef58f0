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


def _tokenise(texts: list[str]) -> list[list[list[str]]]:
    """Per article, its sentences' tokens."""
    out: list[list[list[str]]] = []
    for text in texts:
        doc: list[list[str]] = []
        for sent in split_sentences(text):
            toks = [text[t.start : t.end] for t in tokenize(text, sent.start, sent.end)]
            if toks:
                doc.append(toks)
        out.append(doc)
    return out


def main() -> None:
    """Time loading the tagger, tokenising alone, then tagging cold (empty per-word caches)
    and warm.

    All articles go through ``tag_documents`` (decoded together, names propagated within
    each article); the last line calls ``tag`` once per article, as the entities step does.
    """
    n_articles = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    folder = _shared() / "data" / "news" / "saudinewsnet"
    if not folder.is_dir():
        print(f"skipped: {folder} not found")
        return
    texts = list(saudinewsnet_texts(folder, limit=n_articles))
    t0 = time.process_time()
    tagger = load_tagger()
    t_load = time.process_time() - t0

    t0 = time.process_time()
    documents = _tokenise(texts)
    t_tok = time.process_time() - t0
    n_sents = sum(len(d) for d in documents)
    n_tokens = sum(len(s) for d in documents for s in d)

    t0 = time.process_time()
    tagger.tag_documents(documents)
    t_cold = time.process_time() - t0
    t0 = time.process_time()
    tagger.tag_documents(documents)
    t_warm = time.process_time() - t0
    t0 = time.process_time()
    for doc in documents:
        tagger.tag(doc)
    t_article = time.process_time() - t0

    print(f"articles            {len(texts)}")
    print(f"sentences           {n_sents}")
    print(f"tokens              {n_tokens}")
    print(f"load tagger         {t_load:12.2f} s  (model, word lists, gazetteer; once)")
    print(f"tokenise only       {n_tokens / t_tok:12,.0f} tokens/s")
    print(f"tag, cold caches    {n_tokens / t_cold:12,.0f} tokens/s  (features + CRF)")
    print(f"tag, warm caches    {n_tokens / t_warm:12,.0f} tokens/s  (features + CRF)")
    print(f"tag per article     {n_tokens / t_article:12,.0f} tokens/s  (warm, one call each)")
    print(f"tag/tokenise cost   {t_cold / t_tok:12.2f} x (cold)")


if __name__ == "__main__":
    main()
