namespace Vtp.Video;

/// <summary>Which pixels of each frame a clip takes (see <see cref="SpatialSampler"/>).</summary>
public enum SpatialSampling
{
    /// <summary>SimVTP pre-training: multi-scale crop at 13 fixed offsets, resized to a square.</summary>
    MultiScaleCrop,

    /// <summary>SimVTP fine-tuning: torchvision's random resized crop, resized to a square.</summary>
    RandomResizedCrop,

    /// <summary>Short side resized to the size, then the centre square.</summary>
    CenterCrop,

    /// <summary>SimVTP test: short side resized to the size, then several squares along the long side (one view each).</summary>
    SpatialViews,
}
