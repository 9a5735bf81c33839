package io.tributary.connector.stripe;

import com.stripe.model.Coupon;
import com.stripe.model.Discount;
import com.stripe.model.Plan;
import com.stripe.model.Price;
import com.stripe.model.Subscription;
import com.stripe.model.SubscriptionItem;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Adds subscriptions up into monthly recurring revenue, one currency at a time. Pure: it reads
 * only the subscriptions, the coupons it is given and "now".
 *
 * <p>The rules:
 * <ul>
 *   <li>Only subscriptions in status {@code active} or {@code past_due} count.</li>
 *   <li>Each item counts unit amount x quantity (no quantity: 1), normalised to one month
 *       ({@link RecurringAmount}). Legacy items that carry a {@code plan} and no {@code price}
 *       count the same way.</li>
 *   <li>Metered (usage-based) and tiered items are left out and counted, so the result can say so:
 *       their amount depends on usage that has not happened yet.</li>
 *   <li>Discounts reduce it: item-level ones the item, subscription-level ones the items they apply
 *       to. A percent-off takes its share; an amount-off (in the subscription's currency) is billed
 *       per period, so it is normalised to a month like the item. A discount whose coupon lasts
 *       {@code once}, or that has ended, does not reduce recurring revenue. Revenue never goes below
 *       zero.</li>
 * </ul>
 */
final class MrrCalculator {

    /** MRR in one currency. */
    record CurrencyTotal(String currency, long amountCents, long subscriptions) {
    }

    private static final MathContext PRECISION = MathContext.DECIMAL128;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final Function<String, Coupon> coupons;
    private final Instant now;
    private final Map<String, BigDecimal> amounts = new TreeMap<>();
    private final Map<String, Long> counts = new TreeMap<>();
    private long meteredItemsExcluded;
    private long tieredItemsExcluded;

    /**
     * @param coupons finds a coupon by id, for discounts that carry only the coupon's id
     * @param now when "now" is, to leave out discounts that have ended
     */
    MrrCalculator(Function<String, Coupon> coupons, Instant now) {
        this.coupons = coupons;
        this.now = now;
    }

    void add(Subscription subscription) {
        if (!"active".equals(subscription.getStatus()) && !"past_due".equals(subscription.getStatus())) {
            return;
        }
        List<Line> lines = new ArrayList<>();
        for (SubscriptionItem item : subscription.getItems().getData()) {
            line(item).ifPresent(lines::add);
        }
        if (lines.isEmpty()) {
            return;
        }
        String currency = lines.get(0).currency();
        for (Discount discount : discountObjects(subscription.getDiscountObjects())) {
            activeCoupon(discount).ifPresent(coupon -> applySubscriptionDiscount(coupon, lines, currency));
        }
        BigDecimal total = BigDecimal.ZERO;
        for (Line line : lines) {
            total = total.add(line.monthly().max(BigDecimal.ZERO));
        }
        amounts.merge(currency, total, BigDecimal::add);
        counts.merge(currency, 1L, Long::sum);
    }

    /** Totals per currency, largest first (then by currency code, so ties are stable). */
    List<CurrencyTotal> totals() {
        List<CurrencyTotal> totals = new ArrayList<>();
        amounts.forEach((currency, amount) -> totals.add(
                new CurrencyTotal(currency, amount.setScale(0, RoundingMode.HALF_UP).longValueExact(), counts.get(currency))));
        totals.sort(Comparator.comparingLong(CurrencyTotal::amountCents).reversed().thenComparing(CurrencyTotal::currency));
        return totals;
    }

    long meteredItemsExcluded() {
        return meteredItemsExcluded;
    }

    long tieredItemsExcluded() {
        return tieredItemsExcluded;
    }

    /** One item's monthly amount, still to be reduced by subscription-level discounts. */
    private static final class Line {
        private final String currency;
        private final String product;
        private final String interval;
        private final long intervalCount;
        private BigDecimal monthly;

        Line(String currency, String product, String interval, long intervalCount, BigDecimal monthly) {
            this.currency = currency;
            this.product = product;
            this.interval = interval;
            this.intervalCount = intervalCount;
            this.monthly = monthly;
        }

        String currency() {
            return currency;
        }

        BigDecimal monthly() {
            return monthly;
        }
    }

    private Optional<Line> line(SubscriptionItem item) {
        Pricing pricing = Pricing.of(item.getPrice(), item.getPlan());
        if (pricing == null) {
            return Optional.empty();
        }
        if ("metered".equals(pricing.usageType())) {
            meteredItemsExcluded++;
            return Optional.empty();
        }
        if ("tiered".equals(pricing.billingScheme()) || pricing.unitAmount() == null) {
            tieredItemsExcluded++;
            return Optional.empty();
        }
        long quantity = item.getQuantity() == null ? 1 : item.getQuantity();
        BigDecimal perPeriod = pricing.unitAmount().multiply(BigDecimal.valueOf(quantity));
        Line line = new Line(pricing.currency(), pricing.product(), pricing.interval(), pricing.intervalCount(),
                RecurringAmount.perMonth(perPeriod, pricing.interval(), pricing.intervalCount()));
        for (Discount discount : discountObjects(item.getDiscountObjects())) {
            activeCoupon(discount).ifPresent(coupon -> reduce(line, coupon, BigDecimal.ONE));
        }
        return Optional.of(line);
    }

    private void applySubscriptionDiscount(Coupon coupon, List<Line> lines, String currency) {
        List<Line> eligible = lines.stream().filter(line -> appliesTo(coupon, line)).toList();
        if (coupon.getPercentOff() != null) {
            eligible.forEach(line -> reduce(line, coupon, BigDecimal.ONE));
            return;
        }
        // An amount off comes off the invoice once per billing period: spread it over the eligible
        // lines in proportion to their amounts, each normalised with its own interval.
        BigDecimal base = eligible.stream().map(Line::monthly).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (base.signum() <= 0 || !currency.equalsIgnoreCase(coupon.getCurrency())) {
            return;
        }
        for (Line line : eligible) {
            reduce(line, coupon, line.monthly.divide(base, PRECISION));
        }
    }

    /** Takes a coupon's share off a line; {@code share} is the line's part of a fixed amount off. */
    private static void reduce(Line line, Coupon coupon, BigDecimal share) {
        if (coupon.getPercentOff() != null) {
            BigDecimal keep = BigDecimal.ONE.subtract(coupon.getPercentOff().divide(HUNDRED, PRECISION));
            line.monthly = line.monthly.multiply(keep, PRECISION);
        } else if (coupon.getAmountOff() != null && line.currency.equalsIgnoreCase(coupon.getCurrency())) {
            BigDecimal off = RecurringAmount.perMonth(BigDecimal.valueOf(coupon.getAmountOff()), line.interval, line.intervalCount);
            line.monthly = line.monthly.subtract(off.multiply(share, PRECISION)).max(BigDecimal.ZERO);
        }
    }

    private static boolean appliesTo(Coupon coupon, Line line) {
        if (coupon.getAppliesTo() == null || coupon.getAppliesTo().getProducts() == null
                || coupon.getAppliesTo().getProducts().isEmpty()) {
            return true;
        }
        return coupon.getAppliesTo().getProducts().contains(line.product);
    }

    private Optional<Coupon> activeCoupon(Discount discount) {
        if (discount.getEnd() != null && !Instant.ofEpochSecond(discount.getEnd()).isAfter(now)) {
            return Optional.empty();
        }
        if (discount.getSource() == null) {
            return Optional.empty();
        }
        Coupon coupon = discount.getSource().getCouponObject();
        if (coupon == null && discount.getSource().getCoupon() != null) {
            coupon = coupons.apply(discount.getSource().getCoupon());
        }
        if (coupon == null || "once".equals(coupon.getDuration())) {
            return Optional.empty();
        }
        return Optional.of(coupon);
    }

    /** The expanded discounts (the queries always expand them: Stripe has no endpoint to fetch one). */
    private static List<Discount> discountObjects(List<Discount> objects) {
        if (objects == null) {
            return List.of();
        }
        Set<String> seen = new HashSet<>();
        List<Discount> discounts = new ArrayList<>();
        for (Discount discount : objects) {
            if (discount != null && (discount.getId() == null || seen.add(discount.getId()))) {
                discounts.add(discount);
            }
        }
        return discounts;
    }

    /** What an item is billed, from its price or, for legacy items, its plan. */
    private record Pricing(String currency, String product, BigDecimal unitAmount, String interval, long intervalCount,
                           String usageType, String billingScheme) {

        static Pricing of(Price price, Plan plan) {
            if (price != null && price.getRecurring() != null) {
                BigDecimal unitAmount = price.getUnitAmount() != null ? BigDecimal.valueOf(price.getUnitAmount())
                        : price.getUnitAmountDecimal();
                return new Pricing(price.getCurrency(), price.getProduct(), unitAmount, price.getRecurring().getInterval(),
                        price.getRecurring().getIntervalCount() == null ? 1 : price.getRecurring().getIntervalCount(),
                        price.getRecurring().getUsageType(), price.getBillingScheme());
            }
            if (plan != null && plan.getInterval() != null) {
                BigDecimal amount = plan.getAmount() != null ? BigDecimal.valueOf(plan.getAmount()) : plan.getAmountDecimal();
                return new Pricing(plan.getCurrency(), plan.getProduct(), amount, plan.getInterval(),
                        plan.getIntervalCount() == null ? 1 : plan.getIntervalCount(), plan.getUsageType(), plan.getBillingScheme());
            }
            return null;
        }
    }
}
