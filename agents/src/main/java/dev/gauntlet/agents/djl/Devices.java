package dev.gauntlet.agents.djl;

import ai.djl.Device;
import ai.djl.engine.Engine;
import dev.gauntlet.api.ModelDevice;

import java.util.Locale;

/** The device a model runs on: {@code auto} is the first GPU when DJL's PyTorch sees one, else the CPU. */
final class Devices {

    private Devices() {}

    static Engine engine() {
        // small models on a shared CPU: one intra-op thread is several times faster than oversubscribed threads
        if (System.getProperty("ai.djl.pytorch.num_threads") == null) {
            System.setProperty("ai.djl.pytorch.num_threads", "1");
        }
        if (System.getProperty("ai.djl.pytorch.num_interop_threads") == null) {
            System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        }
        return Engine.getEngine("PyTorch");
    }

    static Device pick(String choice) {
        String c = choice == null || choice.isBlank() ? "auto" : choice.toLowerCase(Locale.ROOT);
        ModelDevice d;
        try {
            d = ModelDevice.valueOf(c.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("gauntlet.device is '" + choice + "' but must be one of auto, cpu, gpu");
        }
        return pick(d);
    }

    static Device pick(ModelDevice choice) {
        int gpus = engine().getGpuCount();
        return switch (choice) {
            case AUTO -> gpus > 0 ? Device.gpu() : Device.cpu();
            case CPU -> Device.cpu();
            case GPU -> {
                if (gpus == 0) {
                    throw new IllegalArgumentException("gauntlet.device is 'gpu' but DJL's PyTorch " + engine().getVersion()
                            + " sees no GPU (CPU libtorch; a CUDA libtorch comes from PYTORCH_LIBRARY_PATH)");
                }
                yield Device.gpu();
            }
        };
    }
}
