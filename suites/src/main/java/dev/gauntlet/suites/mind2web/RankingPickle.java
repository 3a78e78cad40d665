package dev.gauntlet.suites.mind2web;

import net.razorvine.pickle.IObjectConstructor;
import net.razorvine.pickle.PickleException;
import net.razorvine.pickle.Unpickler;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads MindAct's {@code scores_all_data.pkl} with Pyrolite: a dict {@code {"scores": {step: {id: score}}, "ranks":
 * {step: {id: rank}}}} whose numbers may be numpy scalars, which are rebuilt here from their dtype and bytes
 * (numpy 1's {@code numpy.core.multiarray.scalar} and numpy 2's {@code numpy._core.multiarray.scalar}).
 */
final class RankingPickle {

    static {
        IObjectConstructor scalar = args -> {
            if (args.length < 2 || !(args[0] instanceof DType dtype)) {
                throw new PickleException("a numpy scalar without a dtype");
            }
            byte[] bytes = args[1] instanceof byte[] b ? b : String.valueOf(args[1]).getBytes(StandardCharsets.ISO_8859_1);
            return dtype.decode(bytes);
        };
        Unpickler.registerConstructor("numpy.core.multiarray", "scalar", scalar);
        Unpickler.registerConstructor("numpy._core.multiarray", "scalar", scalar);
        Unpickler.registerConstructor("numpy", "dtype", args -> new DType(String.valueOf(args[0])));
    }

    private RankingPickle() {}

    static Ranking read(Path file) throws IOException {
        Object root;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            root = new Unpickler().load(in);
        } catch (PickleException e) {
            throw new IOException(file + " is not a pickle of MindAct's ranking: " + e.getMessage(), e);
        }
        if (!(root instanceof Map<?, ?> top)) {
            throw new IOException(file + " holds a " + (root == null ? "None" : root.getClass().getSimpleName())
                    + ", not a dict with 'ranks' or 'scores'");
        }
        Map<String, Map<String, Integer>> ranks = new HashMap<>();
        if (top.get("ranks") instanceof Map<?, ?> r) {
            r.forEach((step, ids) -> {
                Map<String, Integer> m = new HashMap<>();
                numbers(ids).forEach((id, v) -> m.put(id, v.intValue()));
                ranks.put(String.valueOf(step), m);
            });
        } else if (top.get("scores") instanceof Map<?, ?> s) {
            s.forEach((step, ids) -> {
                Map<String, Double> scores = new HashMap<>();
                numbers(ids).forEach((id, v) -> scores.put(id, v.doubleValue()));
                ranks.put(String.valueOf(step), Ranking.fromScores(scores));
            });
        }
        if (ranks.isEmpty()) {
            throw new IOException(file + " has no 'ranks' or 'scores' entries");
        }
        return new Ranking(ranks);
    }

    private static Map<String, Number> numbers(Object ids) {
        Map<String, Number> out = new HashMap<>();
        if (ids instanceof Map<?, ?> m) {
            m.forEach((id, v) -> {
                if (v instanceof Number n) {
                    out.put(String.valueOf(id), n);
                }
            });
        }
        return out;
    }

    /** A numpy dtype as pickled: its code ({@code f4}, {@code i8}) and, once its state is set, its byte order. */
    public static final class DType {
        private final String code;
        private ByteOrder order = ByteOrder.LITTLE_ENDIAN;

        DType(String code) {
            this.code = code;
        }

        /** Called by Pyrolite with the pickled state {@code (3, '<', ...)}. */
        public void __setstate__(Object[] state) {
            if (state.length > 1 && ">".equals(state[1])) {
                order = ByteOrder.BIG_ENDIAN;
            }
        }

        Number decode(byte[] bytes) {
            ByteBuffer b = ByteBuffer.wrap(bytes).order(order);
            return switch (code) {
                case "f8" -> b.getDouble();
                case "f4" -> (double) b.getFloat();
                case "i8", "u8" -> b.getLong();
                case "i4" -> b.getInt();
                case "u4" -> b.getInt() & 0xFFFFFFFFL;
                case "i2" -> b.getShort();
                case "u2" -> b.getShort() & 0xFFFF;
                case "i1" -> b.get();
                case "u1", "b1" -> b.get() & 0xFF;
                default -> throw new PickleException("numpy dtype '" + code + "' is not a number type this reader knows");
            };
        }
    }
}
