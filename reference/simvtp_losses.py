"""SimVTP targets and losses (SIMVTP.md §3.1-§3.2, §4.2): pixel target, MSE, MLM/VTM cross-entropy, VTC."""
import torch
import torch.nn.functional as F

from simvtp_config import IGNORE_INDEX, IMAGENET_MEAN, IMAGENET_STD

PIXEL_STD_EPS = 1e-6
COSINE_NORM_EPS = 1e-8


def pixel_target(video, bool_masked_pos, config):
    """Normalised pixels of the masked tubes: [B, 3, T, H, W] (ImageNet-normalised) -> [B, N_mask, P].

    Un-normalise to [0, 1], cut into (tubelet, patch, patch) cubes in (t, h, w) token order, normalise each cube per
    channel over its pixels with the unbiased std (+1e-6), flatten in (p0, p1, p2, c) order, keep masked tokens.
    """
    batch, channels, frames, height, width = video.shape
    p0, p = config.tubelet_size, config.patch_size
    mean = torch.tensor(IMAGENET_MEAN, dtype=video.dtype, device=video.device)[None, :, None, None, None]
    std = torch.tensor(IMAGENET_STD, dtype=video.dtype, device=video.device)[None, :, None, None, None]
    pixels = video * std + mean                                                         # [B, 3, T, H, W]
    cubes = pixels.reshape(batch, channels, frames // p0, p0, height // p, p, width // p, p)
    cubes = cubes.permute(0, 2, 4, 6, 3, 5, 7, 1)                                      # [B, t, h, w, p0, p1, p2, 3]
    cubes = cubes.reshape(batch, -1, p0 * p * p, channels)                              # [B, N, p0*p*p, 3]
    centred = cubes - cubes.mean(dim=-2, keepdim=True)
    normalised = centred / (cubes.var(dim=-2, unbiased=True, keepdim=True).sqrt() + PIXEL_STD_EPS)
    flat = normalised.reshape(batch, cubes.shape[1], -1)                                # [B, N, P]
    return flat[bool_masked_pos].reshape(batch, -1, flat.shape[2])                      # [B, N_mask, P]


def mse(prediction, target):
    """Mean squared error over every element."""
    return F.mse_loss(prediction, target)


def cross_entropy(logits, labels):
    """Mean cross-entropy over labels that are not -100."""
    return F.cross_entropy(logits, labels, ignore_index=IGNORE_INDEX)


def vtm_labels(batch, device):
    """[2B] int64: 1 for the B matched pairs, then 0 for the B negatives."""
    return torch.cat([torch.ones(batch, dtype=torch.long), torch.zeros(batch, dtype=torch.long)]).to(device)


def similarity_matrix(rows, columns):
    """Cosine similarity [R, C] of row vectors; each norm is clamped below at 1e-8."""
    rows_norm = rows.norm(dim=1)[:, None]
    columns_norm = columns.norm(dim=1)[:, None]
    rows_unit = rows / torch.max(rows_norm, COSINE_NORM_EPS * torch.ones_like(rows_norm))
    columns_unit = columns / torch.max(columns_norm, COSINE_NORM_EPS * torch.ones_like(columns_norm))
    return torch.mm(rows_unit, columns_unit.transpose(0, 1))


def vtc_loss(similarity, temperature):
    """NormSoftmaxLoss: -mean diag log_softmax(S/tau) over rows, plus the same over columns (the two are summed)."""
    row_log_probs = F.log_softmax(similarity / temperature, dim=1)
    column_log_probs = F.log_softmax(similarity.t() / temperature, dim=1)
    row_diagonal = torch.diag(row_log_probs)
    column_diagonal = torch.diag(column_log_probs)
    return -(row_diagonal.sum() / len(row_diagonal)) - column_diagonal.sum() / len(column_diagonal)
