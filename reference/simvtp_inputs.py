"""Seeded synthetic pretraining inputs: video, tube mask (§1.4), captions with padding, MLM masking (§1.3), VTM
negatives. Every function takes an explicit torch.Generator; nothing touches global random state."""
import torch

from simvtp_config import CLS_ID, IGNORE_INDEX, IMAGENET_MEAN, IMAGENET_STD, MASK_ID, PAD_ID, SEP_ID

FIRST_ORDINARY_ID = MASK_ID + 1


def random_video(config, batch, generator, dtype=torch.float32):
    """[B, 3, T, H, W]: uniform [0, 1] pixels, ImageNet-normalised."""
    shape = (batch, config.in_chans, config.num_frames, config.image_size, config.image_size)
    pixels = torch.rand(shape, generator=generator, dtype=torch.float64)
    mean = torch.tensor(IMAGENET_MEAN, dtype=torch.float64)[None, :, None, None, None]
    std = torch.tensor(IMAGENET_STD, dtype=torch.float64)[None, :, None, None, None]
    return ((pixels - mean) / std).to(dtype)


def tube_mask(config, batch, generator):
    """[B, N] bool, True = masked: per sample one shuffled spatial mask with int(ratio*h*w) ones, tiled over time."""
    t, h, w = config.grid
    spatial = torch.zeros(batch, h * w, dtype=torch.bool)
    for sample in range(batch):
        masked = torch.randperm(h * w, generator=generator)[:config.masked_per_frame]
        spatial[sample, masked] = True
    return spatial.repeat(1, t)                                                            # [B, t*h*w]


def random_captions(config, batch, length, generator):
    """(input_ids [B, L], attention_mask [B, L]): [CLS] ordinary ids [SEP] then [PAD]s.

    Sample 0 fills the full length (padding=True pads to the longest caption); the last sample is shorter when
    L > 3, so the batch always has padding to mask.
    """
    if length < 3:
        raise ValueError(f"text length must be at least 3 ([CLS] token [SEP]), got {length}")
    if length > config.max_position_embeddings:
        raise ValueError(f"text length {length} exceeds max_position_embeddings {config.max_position_embeddings}")
    ids = torch.full((batch, length), PAD_ID, dtype=torch.long)
    lengths = torch.randint(3, length + 1, (batch,), generator=generator)
    lengths[0] = length
    if batch > 1 and length > 3:
        lengths[-1] = min(int(lengths[-1]), length - 1)
    for sample, count in enumerate(lengths.tolist()):
        ids[sample, 0] = CLS_ID
        ids[sample, 1:count - 1] = torch.randint(FIRST_ORDINARY_ID, config.vocab_size, (count - 2,),
                                                 generator=generator)
        ids[sample, count - 1] = SEP_ID
    return ids, (ids != PAD_ID).long()


def mlm_mask(input_ids, probability, generator):
    """(masked_ids, labels): each ordinary token is picked with `probability` (never [CLS], [SEP], [PAD]); picked
    tokens become [MASK] (100%, no random/keep) and keep their id as label, all others get -100.

    Draws again until at least one token is picked, so the MLM loss is defined.
    """
    candidates = (input_ids != PAD_ID) & (input_ids != CLS_ID) & (input_ids != SEP_ID)
    if not bool(candidates.any()):
        raise ValueError("input_ids hold no ordinary token to mask")
    while True:
        draws = torch.rand(input_ids.shape, generator=generator, dtype=torch.float64)
        picked = candidates & (draws < probability)
        if bool(picked.any()):
            break
    labels = torch.where(picked, input_ids, torch.full_like(input_ids, IGNORE_INDEX))
    return torch.where(picked, torch.full_like(input_ids, MASK_ID), input_ids), labels


def vtm_negatives(batch, generator):
    """[B] int64: for each i a uniformly drawn j != i (the video paired with caption i as a VTM negative)."""
    if batch < 2:
        raise ValueError(f"VTM negatives need a batch of at least 2, got {batch}")
    offsets = torch.randint(1, batch, (batch,), generator=generator)
    return (torch.arange(batch) + offsets) % batch


def random_inputs(config, batch, length, generator, dtype=torch.float32):
    """Every pretraining input as a name -> tensor dict, plus `input_ids_unmasked` for the dual encoder."""
    video = random_video(config, batch, generator, dtype)
    bool_masked_pos = tube_mask(config, batch, generator)
    unmasked, attention_mask = random_captions(config, batch, length, generator)
    input_ids, mlm_labels = mlm_mask(unmasked, config.text_mask_ratio, generator)
    return {
        "video": video,
        "bool_masked_pos": bool_masked_pos,
        "input_ids": input_ids,
        "attention_mask": attention_mask,
        "mlm_labels": mlm_labels,
        "vtm_neg_index": vtm_negatives(batch, generator),
        "input_ids_unmasked": unmasked,
    }
