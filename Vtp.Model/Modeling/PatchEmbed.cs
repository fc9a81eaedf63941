// Port of VideoMAE modeling_finetune.py: PatchEmbed (Conv3d tubelet embedding).
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Vtp.Modeling;

/// <summary>
/// Conv3d with kernel = stride = (tubelet, patch, patch): a video [B, 3, T, H, W] becomes N tokens [B, N, C_e], in
/// (t, h, w) order.
/// </summary>
public sealed class PatchEmbed : nn.Module<Tensor, Tensor>
{
    private readonly Conv3d proj;
    private readonly SimVtpConfig config;

    public PatchEmbed(SimVtpConfig config) : base(nameof(PatchEmbed))
    {
        this.config = config.Validate();
        var kernel = ((long)config.TubeletSize, (long)config.PatchSize, (long)config.PatchSize);
        proj = nn.Conv3d(config.InChans, config.EncoderEmbedDim, kernel, stride: kernel);
        RegisterComponents();
    }

    /// <summary>[B, 3, T, H, W] -> [B, N, C_e]</summary>
    /// <exception cref="ArgumentException">The video's shape is not [B, 3, T, H, W] of the config.</exception>
    public override Tensor forward(Tensor video)
    {
        InputChecks.Video(video, config, "video");
        using var scope = NewDisposeScope();
        var cubes = proj.call(video);                                                       // [B, C_e, T/p0, H/p, W/p]
        return cubes.flatten(2).transpose(1, 2).MoveToOuterDisposeScope();                  // [B, N, C_e]
    }
}
