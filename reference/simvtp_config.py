"""SimVTP configuration: one immutable record, its JSON form (shared with the C# side) and named presets.

The LayerNorm epsilons are fixed by the architecture, not configured: 1e-6 in the ViT blocks, the encoder norm, the
decoder norm and fc_norm; 1e-12 in the BERT embedding LayerNorm.
"""
import dataclasses
import json

VIT_LAYER_NORM_EPS = 1e-6
BERT_LAYER_NORM_EPS = 1e-12
IMAGENET_MEAN = (0.485, 0.456, 0.406)
IMAGENET_STD = (0.229, 0.224, 0.225)
PAD_ID, CLS_ID, SEP_ID, MASK_ID = 0, 101, 102, 103
IGNORE_INDEX = -100


@dataclasses.dataclass(frozen=True)
class SimVtpConfig:
    """Every size and rate of the SimVTP pretraining model; field names are the JSON keys."""
    image_size: int
    patch_size: int
    num_frames: int
    tubelet_size: int
    in_chans: int
    encoder_embed_dim: int
    encoder_depth: int
    encoder_num_heads: int
    mlp_ratio: float
    decoder_embed_dim: int
    decoder_depth: int
    decoder_num_heads: int
    vocab_size: int
    max_position_embeddings: int
    type_vocab_size: int
    text_dropout: float
    drop_path_rate: float
    vtc_temperature: float
    video_mask_ratio: float
    text_mask_ratio: float

    def __post_init__(self):
        for field in dataclasses.fields(self):
            value = getattr(self, field.name)
            expected = int if field.type is int else (int, float)
            if isinstance(value, bool) or not isinstance(value, expected):
                raise ValueError(f"config '{field.name}' must be {field.type.__name__}, got {value!r}")
            if value <= 0 and field.name not in ("text_dropout", "drop_path_rate", "video_mask_ratio",
                                                 "text_mask_ratio"):
                raise ValueError(f"config '{field.name}' must be positive, got {value!r}")
        for name in ("text_dropout", "drop_path_rate", "video_mask_ratio", "text_mask_ratio"):
            if not 0.0 <= getattr(self, name) < 1.0:
                raise ValueError(f"config '{name}' must be in [0, 1), got {getattr(self, name)!r}")
        _require_divisible("image_size", self.image_size, "patch_size", self.patch_size)
        _require_divisible("num_frames", self.num_frames, "tubelet_size", self.tubelet_size)
        _require_divisible("encoder_embed_dim", self.encoder_embed_dim, "encoder_num_heads", self.encoder_num_heads)
        _require_divisible("decoder_embed_dim", self.decoder_embed_dim, "decoder_num_heads", self.decoder_num_heads)
        if self.in_chans != len(IMAGENET_MEAN):
            raise ValueError(f"config 'in_chans' must be 3 (the ImageNet mean/std are RGB), got {self.in_chans}")
        if self.vocab_size <= MASK_ID:
            raise ValueError(f"config 'vocab_size' must exceed the [MASK] id {MASK_ID}, got {self.vocab_size}")
        if self.patches_per_frame - self.masked_per_frame < 1:
            raise ValueError(
                f"config 'video_mask_ratio' {self.video_mask_ratio} leaves no visible token among "
                f"{self.patches_per_frame} per temporal slice")

    @property
    def grid(self):
        """Token grid (t, h, w) of the patch embedding; token index n = (t*h_count + h)*w_count + w."""
        side = self.image_size // self.patch_size
        return self.num_frames // self.tubelet_size, side, side

    @property
    def num_patches(self):
        """N: video tokens per clip."""
        t, h, w = self.grid
        return t * h * w

    @property
    def patches_per_frame(self):
        return self.grid[1] * self.grid[2]

    @property
    def masked_per_frame(self):
        """Masked spatial positions per temporal slice, int(ratio * h * w) as VideoMAE's tube masking."""
        return int(self.video_mask_ratio * self.patches_per_frame)

    @property
    def num_masked(self):
        """N_mask: masked tokens per clip under tube masking."""
        return self.masked_per_frame * self.grid[0]

    @property
    def pixels_per_patch(self):
        """Decoder output width: tubelet * patch * patch * channels (1536 for the base config)."""
        return self.tubelet_size * self.patch_size * self.patch_size * self.in_chans

    def to_json(self):
        """JSON text with every field, in declaration order."""
        return json.dumps(dataclasses.asdict(self), indent=2) + "\n"

    @staticmethod
    def from_json(text, source="<json>"):
        """Parse JSON text; every key is required and unknown keys are rejected, naming `source`."""
        try:
            values = json.loads(text)
        except json.JSONDecodeError as error:
            raise ValueError(f"{source}: not valid JSON: {error}") from error
        if not isinstance(values, dict):
            raise ValueError(f"{source}: expected a JSON object, got {type(values).__name__}")
        names = [field.name for field in dataclasses.fields(SimVtpConfig)]
        missing = [name for name in names if name not in values]
        unknown = sorted(set(values) - set(names))
        if missing or unknown:
            raise ValueError(f"{source}: missing keys {missing}, unknown keys {unknown}")
        try:
            return SimVtpConfig(**values)
        except ValueError as error:
            raise ValueError(f"{source}: {error}") from error


def _require_divisible(name, value, divisor_name, divisor):
    if value % divisor != 0:
        raise ValueError(f"config '{name}' {value} is not divisible by '{divisor_name}' {divisor}")


_BASE = SimVtpConfig(
    image_size=224, patch_size=16, num_frames=16, tubelet_size=2, in_chans=3,
    encoder_embed_dim=768, encoder_depth=12, encoder_num_heads=12, mlp_ratio=4.0,
    decoder_embed_dim=384, decoder_depth=4, decoder_num_heads=6,
    vocab_size=30522, max_position_embeddings=512, type_vocab_size=2,
    text_dropout=0.1, drop_path_rate=0.0, vtc_temperature=0.05, video_mask_ratio=0.9, text_mask_ratio=0.75)

PRESETS = {
    "base": _BASE,
    # Full widths and vocabulary, two encoder blocks, 32-pixel frames: parity tests of the real layer shapes.
    "parity": dataclasses.replace(_BASE, image_size=32, encoder_depth=2, decoder_depth=1),
    # Small enough for quick CPU tests and finite differences.
    "tiny": dataclasses.replace(
        _BASE, image_size=32, patch_size=8, num_frames=4, encoder_embed_dim=64, encoder_depth=2,
        encoder_num_heads=2, decoder_embed_dim=32, decoder_depth=1, decoder_num_heads=2,
        max_position_embeddings=64),
}


def load_config(name_or_path):
    """A preset by name ("base", "parity", "tiny") or a config JSON file by path."""
    if name_or_path in PRESETS:
        return PRESETS[name_or_path]
    try:
        with open(name_or_path, encoding="utf-8") as stream:
            text = stream.read()
    except OSError as error:
        raise ValueError(
            f"config '{name_or_path}' is neither a preset ({', '.join(PRESETS)}) nor a readable file: {error}") \
            from error
    return SimVtpConfig.from_json(text, source=name_or_path)
