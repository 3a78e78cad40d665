/**
 * In-process models on DJL PyTorch: the training-data export (gold demonstrations and finished runs as JSON lines),
 * a small element-ranking policy trained on CPU or GPU, the model folder it is saved to, and the {@code djl} agent
 * whose shared predictor batches the requests of every worker.
 */
package dev.gauntlet.agents.djl;
