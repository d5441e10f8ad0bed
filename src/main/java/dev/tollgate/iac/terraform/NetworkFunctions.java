package dev.tollgate.iac.terraform;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;

import static dev.tollgate.iac.terraform.Fn.arity;
import static dev.tollgate.iac.terraform.Fn.deep;

/**
 * {@code cidrsubnet}, {@code cidrhost}, {@code cidrnetmask}, {@code cidrsubnets}. Addresses are parsed by hand,
 * never through {@link java.net.InetAddress}, so that nothing in a configuration can cause a DNS lookup.
 */
final class NetworkFunctions {
    private NetworkFunctions() {
    }

    static void register(Map<String, Fn> f) {
        f.put("cidrsubnet", deep(args -> {
            arity(args, 3, 3);
            Cidr c = Cidr.parse(Values.toStr(args.get(0)));
            return c.subnet(Values.toInt(args.get(1)), BigInteger.valueOf(Values.toLong(args.get(2)))).toString();
        }));
        f.put("cidrsubnets", deep(args -> {
            Cidr base = Cidr.parse(Values.toStr(Fn.arg(args, 0)));
            List<Object> out = new java.util.ArrayList<>();
            BigInteger next = base.network();
            for (Object bits : args.subList(1, args.size())) {
                int prefix = base.prefix + Values.toInt(bits);
                if (prefix > base.bits || prefix < base.prefix) {
                    throw new EvalException("cidrsubnets: prefix out of range");
                }
                BigInteger size = BigInteger.ONE.shiftLeft(base.bits - prefix);
                BigInteger aligned = next.add(size).subtract(BigInteger.ONE).divide(size).multiply(size);
                Cidr sub = new Cidr(aligned, prefix, base.bits);
                if (!base.contains(aligned.add(size).subtract(BigInteger.ONE))) {
                    throw new EvalException("cidrsubnets: not enough space");
                }
                out.add(sub.toString());
                next = aligned.add(size);
            }
            return out;
        }));
        f.put("cidrhost", deep(args -> {
            arity(args, 2, 2);
            Cidr c = Cidr.parse(Values.toStr(args.get(0)));
            return Cidr.format(c.host(BigInteger.valueOf(Values.toLong(args.get(1)))), c.bits);
        }));
        f.put("cidrnetmask", deep(args -> {
            arity(args, 1, 1);
            Cidr c = Cidr.parse(Values.toStr(args.get(0)));
            if (c.bits != 32) {
                throw new EvalException("cidrnetmask: only IPv4 prefixes have a netmask");
            }
            BigInteger mask = BigInteger.ONE.shiftLeft(32).subtract(BigInteger.ONE.shiftLeft(32 - c.prefix));
            return Cidr.format(mask, 32);
        }));
    }

    /** An address prefix; {@code bits} is 32 for IPv4, 128 for IPv6. */
    record Cidr(BigInteger address, int prefix, int bits) {

        static Cidr parse(String text) {
            int slash = text.indexOf('/');
            if (slash < 0 || text.length() > 64) {
                throw new EvalException("invalid CIDR address " + text);
            }
            String ip = text.substring(0, slash);
            int prefix;
            try {
                prefix = Integer.parseInt(text.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw new EvalException("invalid prefix length in " + text);
            }
            int bits = ip.contains(":") ? 128 : 32;
            if (prefix < 0 || prefix > bits) {
                throw new EvalException("invalid prefix length in " + text);
            }
            return new Cidr(bits == 32 ? parseV4(ip) : parseV6(ip), prefix, bits);
        }

        BigInteger network() {
            return address.shiftRight(bits - prefix).shiftLeft(bits - prefix);
        }

        boolean contains(BigInteger a) {
            return a.shiftRight(bits - prefix).equals(address.shiftRight(bits - prefix));
        }

        Cidr subnet(int newBits, BigInteger netnum) {
            int newPrefix = prefix + newBits;
            if (newBits < 0 || newPrefix > bits) {
                throw new EvalException("cidrsubnet: not enough address bits");
            }
            if (netnum.signum() < 0 || netnum.bitLength() > newBits) {
                throw new EvalException("cidrsubnet: network number does not fit");
            }
            return new Cidr(network().or(netnum.shiftLeft(bits - newPrefix)), newPrefix, bits);
        }

        BigInteger host(BigInteger hostnum) {
            BigInteger size = BigInteger.ONE.shiftLeft(bits - prefix);
            BigInteger offset = hostnum.signum() < 0 ? size.add(hostnum) : hostnum;
            if (offset.signum() < 0 || offset.compareTo(size) >= 0) {
                throw new EvalException("cidrhost: host number out of range");
            }
            return network().add(offset);
        }

        @Override
        public String toString() {
            return format(address, bits) + "/" + prefix;
        }

        private static BigInteger parseV4(String ip) {
            String[] parts = ip.split("\\.", -1);
            if (parts.length != 4) {
                throw new EvalException("invalid IPv4 address " + ip);
            }
            long value = 0;
            for (String p : parts) {
                if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit)) {
                    throw new EvalException("invalid IPv4 address " + ip);
                }
                int octet = Integer.parseInt(p);
                if (octet > 255) {
                    throw new EvalException("invalid IPv4 address " + ip);
                }
                value = value << 8 | octet;
            }
            return BigInteger.valueOf(value);
        }

        private static BigInteger parseV6(String ip) {
            int gap = ip.indexOf("::");
            String head = gap < 0 ? ip : ip.substring(0, gap);
            String tail = gap < 0 ? "" : ip.substring(gap + 2);
            if (tail.contains("::")) {
                throw new EvalException("invalid IPv6 address " + ip);
            }
            List<Integer> h = groups(head, ip);
            List<Integer> t = groups(tail, ip);
            int missing = 8 - h.size() - t.size();
            if ((gap < 0 && missing != 0) || (gap >= 0 && missing < 1)) {
                throw new EvalException("invalid IPv6 address " + ip);
            }
            BigInteger value = BigInteger.ZERO;
            for (int g : h) {
                value = value.shiftLeft(16).or(BigInteger.valueOf(g));
            }
            value = value.shiftLeft(16 * missing);
            for (int g : t) {
                value = value.shiftLeft(16).or(BigInteger.valueOf(g));
            }
            return value;
        }

        private static List<Integer> groups(String part, String ip) {
            if (part.isEmpty()) {
                return List.of();
            }
            List<Integer> out = new java.util.ArrayList<>();
            for (String g : part.split(":", -1)) {
                if (g.isEmpty() || g.length() > 4) {
                    throw new EvalException("invalid IPv6 address " + ip);
                }
                try {
                    out.add(Integer.parseInt(g, 16));
                } catch (NumberFormatException e) {
                    throw new EvalException("invalid IPv6 address " + ip);
                }
            }
            return out;
        }

        static String format(BigInteger address, int bits) {
            if (bits == 32) {
                long v = address.longValue();
                return (v >> 24 & 255) + "." + (v >> 16 & 255) + "." + (v >> 8 & 255) + "." + (v & 255);
            }
            int[] g = new int[8];
            for (int i = 0; i < 8; i++) {
                g[i] = address.shiftRight(16 * (7 - i)).intValue() & 0xffff;
            }
            int bestStart = -1;
            int bestLen = 1;
            for (int i = 0; i < 8; ) {
                int j = i;
                while (j < 8 && g[j] == 0) {
                    j++;
                }
                if (j - i > bestLen) {
                    bestStart = i;
                    bestLen = j - i;
                }
                i = j == i ? i + 1 : j;
            }
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < 8; i++) {
                if (i == bestStart) {
                    out.append("::");
                    i += bestLen - 1;
                    continue;
                }
                if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
                    out.append(':');
                }
                out.append(Integer.toHexString(g[i]));
            }
            return out.toString();
        }
    }
}
