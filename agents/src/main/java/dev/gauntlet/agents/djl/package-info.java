/**
 * In-process models on DJL PyTorch: the training-data export (gold demonstrations and finished runs as JSON lines),
 * a small element-ranking policy trained on CPU or GPU, the model folder it is saved to, a user's own TorchScript
 * policy with a Hugging Face tokenizer (contract {@code gauntlet-torchscript/1}), the {@code djl} agent whose shared
 * predictor batches the requests of every worker, and the {@code learned-orm} judge.
 */
package dev.gauntlet.agents.djl;
