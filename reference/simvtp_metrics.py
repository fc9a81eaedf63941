"""Retrieval metrics (SIMVTP.md §4.3) for a square similarity matrix whose diagonal holds the matching pairs.

The rank of query i is 0-based and ties are broken optimistically: it counts the candidates scoring strictly
higher than the true match. R@k = 100 * mean(rank < k), MedR = median(rank) + 1, MeanR = mean(rank) + 1.
"""
import numpy as np

RECALL_AT = (1, 5, 10, 50)


def ranks(similarity):
    """0-based optimistic rank of the diagonal entry in each row of a square [Q, Q] matrix."""
    sims = np.asarray(similarity, dtype=np.float64)
    if sims.ndim != 2 or sims.shape[0] != sims.shape[1] or sims.shape[0] == 0:
        raise ValueError(f"similarity must be a non-empty square matrix, got shape {list(sims.shape)}")
    if not np.isfinite(sims).all():
        raise ValueError("similarity holds NaN or infinite values")
    true_scores = np.diag(sims)[:, None]
    return (sims > true_scores).sum(axis=1)


def retrieval_metrics(similarity):
    """R@1/5/10/50, MedR, MeanR and the geometric mean of R@1/5/10 for rows as queries."""
    rank = ranks(similarity)
    metrics = {f"R{k}": 100.0 * float(np.mean(rank < k)) for k in RECALL_AT}
    metrics["MedR"] = float(np.median(rank)) + 1.0
    metrics["MeanR"] = float(np.mean(rank)) + 1.0
    recalls = np.array([metrics["R1"], metrics["R5"], metrics["R10"]])
    metrics["geometric_mean_R1-R5-R10"] = 0.0 if (recalls == 0).any() else float(np.exp(np.log(recalls).mean()))
    return metrics


def text_to_video_and_back(similarity):
    """{"t2v": metrics of sims[text, video], "v2t": metrics of its transpose}."""
    sims = np.asarray(similarity, dtype=np.float64)
    return {"t2v": retrieval_metrics(sims), "v2t": retrieval_metrics(sims.T)}
