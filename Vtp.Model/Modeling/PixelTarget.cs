// Port of SimVTP engine_for_pretraining.py (VideoMAE's normlize_target branch, always on): the pixel target (§3.1).
using static TorchSharp.torch;

namespace Vtp.Modeling;

/// <summary>The normalised pixels of the masked tubes that the decoder learns to predict; computed without gradient.</summary>
public static class PixelTarget
{
    /// <summary>
    /// Un-normalise the video to [0, 1], cut it into (tubelet, patch, patch) cubes in (t, h, w) token order, normalise
    /// each cube per channel over its pixels with the unbiased std (+1e-6), flatten in (p0, p1, p2, c) order and keep
    /// the masked tokens in ascending order: [B, 3, T, H, W] and [B, N] -> [B, N_mask, P].
    /// </summary>
    public static Tensor Compute(Tensor video, Tensor bool_masked_pos, SimVtpConfig config)
    {
        InputChecks.Video(video, config, nameof(video));
        InputChecks.MaskedPositions(bool_masked_pos, config, video.shape[0], nameof(bool_masked_pos));
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var (B, C, T, H, W) = (video.shape[0], video.shape[1], video.shape[2], video.shape[3], video.shape[4]);
        long p0 = config.TubeletSize, p = config.PatchSize;
        var mean = tensor(ModelConstants.ImageNetMean, video.dtype, video.device).view(1, C, 1, 1, 1);
        var std = tensor(ModelConstants.ImageNetStd, video.dtype, video.device).view(1, C, 1, 1, 1);
        var pixels = video * std + mean;                                                    // [B, 3, T, H, W] in [0, 1]
        var cubes = pixels.reshape(B, C, T / p0, p0, H / p, p, W / p, p)
            .permute(0, 2, 4, 6, 3, 5, 7, 1)                                                // [B, t, h, w, p0, p1, p2, 3]
            .reshape(B, config.NumPatches, p0 * p * p, C);                                  // [B, N, p0*p*p, 3]
        var centred = cubes - cubes.mean([-2], keepdim: true);
        var spread = cubes.var([-2], unbiased: true, keepdim: true).sqrt() + ModelConstants.PixelStdEps;
        var flat = (centred / spread).reshape(B, config.NumPatches, config.PatchPixels);   // [B, N, P]
        var masked = flat[bool_masked_pos];                                                 // [B * N_mask, P]
        return masked.reshape(B, config.NumMasked, config.PatchPixels).MoveToOuterDisposeScope();
    }
}
