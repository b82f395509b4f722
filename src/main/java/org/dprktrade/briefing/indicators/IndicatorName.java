package org.dprktrade.briefing.indicators;

/** Every indicator of {@code docs/indicators.md}, with the name and unit written in the outputs. */
public enum IndicatorName {
    QUANTITY_T("quantity_t", "t"),
    VALUE_USD("value_usd", "USD"),
    QOQ_PCT("qoq_pct", "%"),
    YOY_PCT("yoy_pct", "%"),
    YTD_QUANTITY_T("ytd_quantity_t", "t"),
    YTD_YOY_PCT("ytd_yoy_pct", "%"),
    SHARE_PCT("share_pct", "%"),
    UNIT_VALUE_USD_PER_T("unit_value_usd_per_t", "USD/t"),
    MONTHS_REPORTED("months_reported", "months"),
    ZERO_MONTHS("zero_months", "months"),
    ZERO_STREAK_MONTHS("zero_streak_months", "months"),
    TRAILING_4Q_QUANTITY_T("trailing_4q_quantity_t", "t"),
    YTD_VALUE_USD("ytd_value_usd", "USD"),
    YTD_VALUE_YOY_PCT("ytd_value_yoy_pct", "%"),
    WORKERS_ENTERING("workers_entering", "workers"),
    WORKERS_ENTERING_YOY_PCT("workers_entering_yoy_pct", "%"),
    WORKERS_EMPLOYED("workers_employed", "workers"),
    WAGE_USD("wage_usd", "USD"),
    WAGE_RATIO_PCT("wage_ratio_pct", "%");

    private final String id;
    private final String unit;

    IndicatorName(String id, String unit) {
        this.id = id;
        this.unit = unit;
    }

    public String id() {
        return id;
    }

    public String unit() {
        return unit;
    }

    public boolean isPercentage() {
        return "%".equals(unit);
    }

    @Override
    public String toString() {
        return id;
    }
}
