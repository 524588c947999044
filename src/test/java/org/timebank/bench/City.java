package org.timebank.bench;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The shape of the city at a scale: the region tree (13 real districts, streets and communities
 * spread over them), the volunteers (home community, registration time, how active they are, how
 * they spend), and the shops with their catalogues. Everything is decided here, up front, from
 * the seed; {@link Simulation} then plays the year.
 */
final class City {
    static final double VOLUNTEERS = 1_860_000;
    static final double STREETS = 170;
    static final double COMMUNITIES = 1_430;
    /** Asia/Shanghai has had no daylight saving since 1991. */
    static final ZoneOffset ZONE = ZoneOffset.ofHours(8);
    static final long DAY = 86_400_000_000L;
    static final long HOUR = 3_600_000_000L;
    static final long MINUTE = 60_000_000L;
    static final long SECOND = 1_000_000L;

    // activity types
    static final byte INACTIVE = 0;
    static final byte OCCASIONAL = 1;
    static final byte REGULAR = 2;
    static final byte CORE = 3;

    final double scale;
    final long now;
    /** Local midnight 365 days before today: the first day of the year of data. */
    final long start;
    /** Today's index; day d starts at start + d days. */
    final int today;

    // regions: ids are 1 (city), then districts, streets and communities in that order
    final int streets;
    final int communities;
    final int[] streetDistrict;
    final int[] communityStreet;
    final int[] streetFirstCommunity;
    final String[] streetName;
    final String[] streetCode;
    final String[] communityName;
    final String[] communityCode;
    final double[] communityWeight;
    final boolean[] communityHasBudget;

    // volunteers: index i is volunteer id i + 1, in registration order
    final int volunteers;
    final int[] home;
    final long[] registeredAt;
    final byte[] activity;
    /** Points a volunteer lets gather before redeeming; 0: never redeems. */
    final short[] spendThreshold;
    final byte[] favouriteCategory;
    /** Volunteers by home community: members[memberStart[c] .. memberStart[c + 1]). */
    final int[] memberStart;
    final int[] members;

    // shops: index s is shop id s + 1; shop 0 is the hot one
    final int shops;
    final int[] shopCommunity;
    final String[] shopName;
    final boolean[] shopCharity;
    final long[] shopOpenedAt;
    final int[] shopFirstItem;
    final int items;
    final String[] itemName;
    final int[] itemPrice;
    final int[] itemStock;
    final boolean[] itemActive;
    /** Shops by community and by street (active shops a volunteer walks to). */
    final int[][] shopsOfCommunity;
    final int[][] shopsOfStreet;

    City(double scale, long seed, Instant now) {
        this.scale = scale;
        SplittableRandom random = new SplittableRandom(seed);
        this.now = Journal.micros(now);
        LocalDate todayDate = now.atOffset(ZONE).toLocalDate();
        this.start = Journal.micros(todayDate.minusDays(365).atStartOfDay().toInstant(ZONE));
        this.today = 365;

        // streets over districts in proportion to the real counts, communities over streets with
        // about twice as many per street in the urban districts
        streets = Math.max(Names.DISTRICTS.length, (int) Math.round(STREETS * scale));
        communities = Math.max(streets, (int) Math.round(COMMUNITIES * scale));
        double[] districtShare = Arrays.stream(Names.DISTRICTS).mapToDouble(Names.District::streets).toArray();
        int[] perDistrict = apportion(streets, districtShare);
        streetDistrict = new int[streets];
        streetName = new String[streets];
        streetCode = new String[streets];
        double[] streetShare = new double[streets];
        for (int d = 0, s = 0; d < perDistrict.length; d++) {
            for (int k = 0; k < perDistrict[d]; k++, s++) {
                streetDistrict[s] = d;
                streetName[s] = Names.street(s);
                streetCode[s] = Names.DISTRICTS[d].code() + String.format("%03d", k + 1);
                streetShare[s] = (Names.DISTRICTS[d].urban() ? 2.0 : 1.0) * (0.7 + 0.6 * random.nextDouble());
            }
        }
        int[] perStreet = apportion(communities, streetShare);
        communityStreet = new int[communities];
        streetFirstCommunity = new int[streets + 1];
        communityName = new String[communities];
        communityCode = new String[communities];
        communityWeight = new double[communities];
        communityHasBudget = new boolean[communities];
        for (int s = 0, c = 0; s < streets; s++) {
            streetFirstCommunity[s] = c;
            for (int k = 0; k < perStreet[s]; k++, c++) {
                communityStreet[c] = s;
                communityName[c] = Names.community(s, k);
                communityCode[c] = streetCode[s] + String.format("%03d", k + 1);
                // community sizes vary about fivefold
                communityWeight[c] = Math.exp(random.nextGaussian() * 0.5);
                communityHasBudget[c] = random.nextDouble() < 0.55;
            }
        }
        streetFirstCommunity[streets] = communities;

        // volunteers: how active, when registered (the active ones mostly in the launch wave of the
        // first month), where they live; sorted by registration so ids follow time
        volunteers = Math.max(1, (int) Math.round(VOLUNTEERS * scale));
        int cores = Math.max(1, (int) Math.round(volunteers * 0.00015));
        long[] keys = new long[volunteers];
        long wave = 30 * DAY;
        for (int i = 0; i < volunteers; i++) {
            byte type;
            if (i < cores) {
                type = CORE;
            } else {
                double u = random.nextDouble();
                type = u < 0.28 ? INACTIVE : u < 0.28 + 0.027 ? REGULAR : OCCASIONAL;
            }
            boolean early = type == CORE || random.nextDouble() < (type == REGULAR ? 0.8 : 0.55);
            long day = early ? random.nextLong(type == CORE ? 20 : 30) : 30 + random.nextLong(today - 31);
            long at = start + day * DAY + 9 * HOUR + random.nextLong(9 * HOUR);
            keys[i] = ((at - start) / SECOND) << 2 | type;
        }
        Arrays.sort(keys);
        registeredAt = new long[volunteers];
        activity = new byte[volunteers];
        home = new int[volunteers];
        spendThreshold = new short[volunteers];
        favouriteCategory = new byte[volunteers];
        double[] cumulative = cumulative(communityWeight);
        int[] categoryWeights = Arrays.stream(Names.CATEGORIES).mapToInt(Names.Category::weight).toArray();
        for (int i = 0; i < volunteers; i++) {
            registeredAt[i] = start + (keys[i] >>> 2) * SECOND;
            activity[i] = (byte) (keys[i] & 3);
            home[i] = pick(cumulative, random.nextDouble());
            double u = random.nextDouble();
            spendThreshold[i] = (short) (u < 0.3 ? 0 : u < 0.55 ? 10 : u < 0.75 ? 25 : u < 0.9 ? 50 : 100);
            favouriteCategory[i] = (byte) weighted(categoryWeights, random);
        }
        memberStart = new int[communities + 1];
        for (int h : home) {
            memberStart[h + 1]++;
        }
        for (int c = 0; c < communities; c++) {
            memberStart[c + 1] += memberStart[c];
        }
        members = new int[volunteers];
        int[] fill = Arrays.copyOf(memberStart, communities);
        for (int i = 0; i < volunteers; i++) {
            members[fill[home[i]]++] = i;
        }

        // shops: the hot one first (the city's flagship charity supermarket in 江汉区), then per
        // community a charity supermarket for about a third and 0 to 3 partner shops
        int[] counts = new int[communities];
        boolean[] charity = new boolean[communities];
        int total = 1;
        for (int c = 0; c < communities; c++) {
            charity[c] = random.nextDouble() < 0.3;
            double u = random.nextDouble();
            counts[c] = (charity[c] ? 1 : 0) + (u < 0.35 ? 0 : u < 0.7 ? 1 : u < 0.9 ? 2 : 3);
            total += counts[c];
        }
        shops = total;
        shopCommunity = new int[shops];
        shopName = new String[shops];
        shopCharity = new boolean[shops];
        shopOpenedAt = new long[shops];
        shopFirstItem = new int[shops + 1];
        int hotCommunity = streetFirstCommunity[firstStreetOf(1)];
        shopCommunity[0] = hotCommunity;
        shopName[0] = "武汉市慈善超市（江汉路总店）";
        shopCharity[0] = true;
        for (int c = 0, s = 1; c < communities; c++) {
            for (int k = 0; k < counts[c]; k++, s++) {
                shopCommunity[s] = c;
                String stem = communityName[c].replace("社区", "");
                if (k == 0 && charity[c]) {
                    shopCharity[s] = true;
                    shopName[s] = stem + "爱心超市";
                } else {
                    shopName[s] = stem + Names.PARTNER_KINDS[random.nextInt(Names.PARTNER_KINDS.length)]
                            + (k > 1 ? "（" + k + "号店）" : "");
                }
            }
        }
        // onboarded in the first days, in id order
        for (int s = 0; s < shops; s++) {
            shopOpenedAt[s] = start + 2 * HOUR + (long) ((double) s / shops * 2 * DAY);
        }
        int itemCount = 0;
        int[] perShop = new int[shops];
        for (int s = 0; s < shops; s++) {
            perShop[s] = s == 0 ? Names.GOODS.length : shopCharity[s] ? 8 + random.nextInt(7) : 3 + random.nextInt(6);
            itemCount += perShop[s];
        }
        items = itemCount;
        itemName = new String[items];
        itemPrice = new int[items];
        itemStock = new int[items];
        itemActive = new boolean[items];
        for (int s = 0, it = 0; s < shops; s++) {
            shopFirstItem[s] = it;
            Names.Item[] from = s == 0 || shopCharity[s] ? Names.GOODS : concat(Names.GOODS, Names.SERVICES);
            int[] order = shuffled(from.length, random);
            for (int k = 0; k < perShop[s]; k++, it++) {
                Names.Item item = from[order[k % from.length]];
                boolean service = Arrays.asList(Names.SERVICES).contains(item);
                itemName[it] = item.name() + (k >= from.length ? "（" + (k / from.length + 1) + "）" : "");
                itemPrice[it] = s == 0 ? item.points()
                        : Math.max(1, (int) Math.round(item.points() * (0.8 + 0.4 * random.nextDouble())));
                itemActive[it] = s == 0 || random.nextDouble() >= 0.02;
                itemStock[it] = s == 0 ? 1_000_000 : service ? 9_999
                        : random.nextDouble() < 0.03 ? 0 : 50 + random.nextInt(1_950);
            }
        }
        shopFirstItem[shops] = items;
        shopsOfCommunity = new int[communities][];
        shopsOfStreet = new int[streets][];
        int[] ofCommunity = new int[communities];
        int[] ofStreet = new int[streets];
        for (int s = 1; s < shops; s++) {
            ofCommunity[shopCommunity[s]]++;
            ofStreet[communityStreet[shopCommunity[s]]]++;
        }
        for (int c = 0; c < communities; c++) {
            shopsOfCommunity[c] = new int[ofCommunity[c]];
            ofCommunity[c] = 0;
        }
        for (int s = 0; s < streets; s++) {
            shopsOfStreet[s] = new int[ofStreet[s]];
            ofStreet[s] = 0;
        }
        for (int s = 1; s < shops; s++) {
            int c = shopCommunity[s];
            shopsOfCommunity[c][ofCommunity[c]++] = s;
            shopsOfStreet[communityStreet[c]][ofStreet[communityStreet[c]]++] = s;
        }
    }

    // ---- region ids ----

    static long cityId() {
        return 1;
    }

    static long districtId(int d) {
        return 2 + d;
    }

    long streetId(int s) {
        return 2 + Names.DISTRICTS.length + s;
    }

    long communityId(int c) {
        return 2 + Names.DISTRICTS.length + streets + c;
    }

    /** Communities were set up months before the year of data (their issuance accounts open with them). */
    long communityCreatedAt(int c) {
        return start - 110 * DAY + c * SECOND;
    }


    /** The ids on a community's path, nearest first (itself, street, district, city). */
    long[] nearestFirst(int c) {
        int s = communityStreet[c];
        return new long[] {communityId(c), streetId(s), districtId(streetDistrict[s]), cityId()};
    }

    int firstStreetOf(int district) {
        for (int s = 0; s < streets; s++) {
            if (streetDistrict[s] == district) {
                return s;
            }
        }
        throw new IllegalStateException("district " + district + " has no street");
    }

    /** A staff member serving the community (k in 1..3), as their token's subject. */
    String communityStaff(int c, int k) {
        return "staff-" + communityCode[c] + "-" + k;
    }

    String streetStaff(int s) {
        return "staff-" + streetCode[s] + "-1";
    }

    static String shopOperator(int shop) {
        return "shop-op-" + (shop + 1);
    }

    static final String ADMIN = "admin-wuhan-1";

    // ---- helpers ----

    /** Splits {@code total} in proportion to the shares, at least 1 each (largest remainder). */
    static int[] apportion(int total, double[] shares) {
        int n = shares.length;
        int[] out = new int[n];
        Arrays.fill(out, 1);
        int left = total - n;
        double sum = Arrays.stream(shares).sum();
        double[] rest = new double[n];
        int given = 0;
        for (int i = 0; i < n; i++) {
            double exact = left * shares[i] / sum;
            out[i] += (int) exact;
            given += (int) exact;
            rest[i] = exact - (int) exact;
        }
        for (int k = 0; k < left - given; k++) {
            int best = 0;
            for (int i = 1; i < n; i++) {
                if (rest[i] > rest[best]) {
                    best = i;
                }
            }
            out[best]++;
            rest[best] = -1;
        }
        return out;
    }

    static double[] cumulative(double[] weights) {
        double[] c = new double[weights.length];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i];
            c[i] = sum;
        }
        for (int i = 0; i < c.length; i++) {
            c[i] /= sum;
        }
        return c;
    }

    static int pick(double[] cumulative, double u) {
        int i = Arrays.binarySearch(cumulative, u);
        return Math.min(cumulative.length - 1, i >= 0 ? i : -i - 1);
    }

    static int weighted(int[] weights, SplittableRandom random) {
        int sum = Arrays.stream(weights).sum();
        int u = random.nextInt(sum);
        for (int i = 0; i < weights.length; i++) {
            u -= weights[i];
            if (u < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    private static int[] shuffled(int n, SplittableRandom random) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return a;
    }

    private static Names.Item[] concat(Names.Item[] a, Names.Item[] b) {
        Names.Item[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
