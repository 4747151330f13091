-- overview
SELECT count(*), countIf((toFloat64(`amount`) IS NULL OR isNaN(toFloat64(`amount`)))), uniqExact(CASE WHEN NOT (toFloat64(`amount`) IS NULL OR isNaN(toFloat64(`amount`))) THEN toFloat64(`amount`) END), min(CASE WHEN NOT (toFloat64(`amount`) IS NULL OR isNaN(toFloat64(`amount`))) THEN toFloat64(`amount`) END), max(CASE WHEN NOT (toFloat64(`amount`) IS NULL OR isNaN(toFloat64(`amount`))) THEN toFloat64(`amount`) END), stddevPop(CASE WHEN toFloat64(`amount`) - toFloat64(`amount`) = 0 THEN toFloat64(`amount`) END), avg(CASE WHEN toFloat64(`amount`) - toFloat64(`amount`) = 0 THEN toFloat64(`amount`) END), countIf((toFloat64(toUnixTimestamp(toDateTime(`seen at`))) IS NULL OR isNaN(toFloat64(toUnixTimestamp(toDateTime(`seen at`)))))), uniqExact(CASE WHEN NOT (toFloat64(toUnixTimestamp(toDateTime(`seen at`))) IS NULL OR isNaN(toFloat64(toUnixTimestamp(toDateTime(`seen at`))))) THEN toFloat64(toUnixTimestamp(toDateTime(`seen at`))) END), min(CASE WHEN NOT (toFloat64(toUnixTimestamp(toDateTime(`seen at`))) IS NULL OR isNaN(toFloat64(toUnixTimestamp(toDateTime(`seen at`))))) THEN toFloat64(toUnixTimestamp(toDateTime(`seen at`))) END), max(CASE WHEN NOT (toFloat64(toUnixTimestamp(toDateTime(`seen at`))) IS NULL OR isNaN(toFloat64(toUnixTimestamp(toDateTime(`seen at`))))) THEN toFloat64(toUnixTimestamp(toDateTime(`seen at`))) END), stddevPop(CASE WHEN toFloat64(toUnixTimestamp(toDateTime(`seen at`))) - toFloat64(toUnixTimestamp(toDateTime(`seen at`))) = 0 THEN toFloat64(toUnixTimestamp(toDateTime(`seen at`))) END), avg(CASE WHEN toFloat64(toUnixTimestamp(toDateTime(`seen at`))) - toFloat64(toUnixTimestamp(toDateTime(`seen at`))) = 0 THEN toFloat64(toUnixTimestamp(toDateTime(`seen at`))) END), countIf((toString(`colour`) IS NULL OR toString(`colour`) = '')), uniqExact(CASE WHEN NOT (toString(`colour`) IS NULL OR toString(`colour`) = '') THEN toString(`colour`) END), countIf((multiIf(isNull(`flag`), NULL, `flag` != 0, 'true', 'false') IS NULL OR multiIf(isNull(`flag`), NULL, `flag` != 0, 'true', 'false') = '')), uniqExact(CASE WHEN NOT (multiIf(isNull(`flag`), NULL, `flag` != 0, 'true', 'false') IS NULL OR multiIf(isNull(`flag`), NULL, `flag` != 0, 'true', 'false') = '') THEN multiIf(isNull(`flag`), NULL, `flag` != 0, 'true', 'false') END) FROM `sales`.`events` WHERE (region = 'NZ'
);

-- overview, numeric distinct values estimated
SELECT count(*), countIf((toFloat64(`amount`) IS NULL OR isNaN(toFloat64(`amount`)))), uniqExact(CASE WHEN NOT (toFloat64(`amount`) IS NULL OR isNaN(toFloat64(`amount`))) THEN toFloat64(`amount`) END), min(CASE WHEN NOT (toFloat64(`amount`) IS NULL OR isNaN(toFloat64(`amount`))) THEN toFloat64(`amount`) END), max(CASE WHEN NOT (toFloat64(`amount`) IS NULL OR isNaN(toFloat64(`amount`))) THEN toFloat64(`amount`) END), stddevPop(CASE WHEN toFloat64(`amount`) - toFloat64(`amount`) = 0 THEN toFloat64(`amount`) END), avg(CASE WHEN toFloat64(`amount`) - toFloat64(`amount`) = 0 THEN toFloat64(`amount`) END), countIf((toFloat64(toUnixTimestamp(toDateTime(`seen at`))) IS NULL OR isNaN(toFloat64(toUnixTimestamp(toDateTime(`seen at`)))))), uniqExact(CASE WHEN NOT (toFloat64(toUnixTimestamp(toDateTime(`seen at`))) IS NULL OR isNaN(toFloat64(toUnixTimestamp(toDateTime(`seen at`))))) THEN toFloat64(toUnixTimestamp(toDateTime(`seen at`))) END), min(CASE WHEN NOT (toFloat64(toUnixTimestamp(toDateTime(`seen at`))) IS NULL OR isNaN(toFloat64(toUnixTimestamp(toDateTime(`seen at`))))) THEN toFloat64(toUnixTimestamp(toDateTime(`seen at`))) END), max(CASE WHEN NOT (toFloat64(toUnixTimestamp(toDateTime(`seen at`))) IS NULL OR isNaN(toFloat64(toUnixTimestamp(toDateTime(`seen at`))))) THEN toFloat64(toUnixTimestamp(toDateTime(`seen at`))) END), stddevPop(CASE WHEN toFloat64(toUnixTimestamp(toDateTime(`seen at`))) - toFloat64(toUnixTimestamp(toDateTime(`seen at`))) = 0 THEN toFloat64(toUnixTimestamp(toDateTime(`seen at`))) END), avg(CASE WHEN toFloat64(toUnixTimestamp(toDateTime(`seen at`))) - toFloat64(toUnixTimestamp(toDateTime(`seen at`))) = 0 THEN toFloat64(toUnixTimestamp(toDateTime(`seen at`))) END), countIf((toString(`colour`) IS NULL OR toString(`colour`) = '')), uniqExact(CASE WHEN NOT (toString(`colour`) IS NULL OR toString(`colour`) = '') THEN toString(`colour`) END), countIf((multiIf(isNull(`flag`), NULL, `flag` != 0, 'true', 'false') IS NULL OR multiIf(isNull(`flag`), NULL, `flag` != 0, 'true', 'false') = '')), uniqExact(CASE WHEN NOT (multiIf(isNull(`flag`), NULL, `flag` != 0, 'true', 'false') IS NULL OR multiIf(isNull(`flag`), NULL, `flag` != 0, 'true', 'false') = '') THEN multiIf(isNull(`flag`), NULL, `flag` != 0, 'true', 'false') END) FROM `sales`.`events` WHERE (region = 'NZ'
);

-- exact distinct counts
SELECT uniqExact(CASE WHEN NOT (toFloat64(`amount`) IS NULL OR isNaN(toFloat64(`amount`))) THEN toFloat64(`amount`) END), uniqExact(CASE WHEN NOT (toString(`colour`) IS NULL OR toString(`colour`) = '') THEN toString(`colour`) END) FROM `sales`.`events` WHERE (region = 'NZ'
);

-- distinct values
SELECT DISTINCT toFloat64(`amount`) AS v FROM `sales`.`events` WHERE (region = 'NZ'
) AND (NOT (toFloat64(`amount`) IS NULL OR isNaN(toFloat64(`amount`)))
) ORDER BY v;

-- values at ranks 1, 3, 5 of 5 (quantile edges)
SELECT arrayJoin(quantilesExactWeighted(0.1e0, 0.5e0, 0.9e0)(toFloat64(toUnixTimestamp(toDateTime(`seen at`))), 1)) FROM `sales`.`events` WHERE (region = 'NZ'
) AND (NOT (toFloat64(toUnixTimestamp(toDateTime(`seen at`))) IS NULL OR isNaN(toFloat64(toUnixTimestamp(toDateTime(`seen at`)))))
);

-- values at 40 ranks of 400 (fine histogram edges)
SELECT arrayJoin(quantilesExactWeighted(0.02375e0, 0.04875e0, 0.07375e0, 0.09875e0, 0.12375e0, 0.14875e0, 0.17375e0, 0.19875e0, 0.22375e0, 0.24875e0, 0.27375e0, 0.29875e0, 0.32375e0, 0.34875e0, 0.37375e0, 0.39875e0, 0.42375e0, 0.44875e0, 0.47375e0, 0.49875e0, 0.52375e0, 0.54875e0, 0.57375e0, 0.59875e0, 0.62375e0, 0.64875e0, 0.67375e0, 0.69875e0, 0.72375e0, 0.74875e0, 0.77375e0, 0.79875e0, 0.82375e0, 0.84875e0, 0.87375e0, 0.89875e0, 0.92375e0, 0.94875e0, 0.97375e0, 0.99875e0)(toFloat64(`amount`), 1)) FROM `sales`.`events` WHERE (region = 'NZ'
) AND (NOT (toFloat64(`amount`) IS NULL OR isNaN(toFloat64(`amount`)))
);

-- numeric counts
SELECT countIf(NOT (toFloat64(`amount`) IS NULL OR isNaN(toFloat64(`amount`))) AND toFloat64(`amount`) < 1.5e0), countIf(NOT (toFloat64(`amount`) IS NULL OR isNaN(toFloat64(`amount`))) AND toFloat64(`amount`) >= 1.5e0 AND toFloat64(`amount`) < 2.5e0), countIf(NOT (toFloat64(`amount`) IS NULL OR isNaN(toFloat64(`amount`))) AND toFloat64(`amount`) >= 2.5e0 AND toFloat64(`amount`) < 10000000000e0), countIf(NOT (toFloat64(`amount`) IS NULL OR isNaN(toFloat64(`amount`))) AND toFloat64(`amount`) >= 10000000000e0), countIf((toFloat64(`amount`) IS NULL OR isNaN(toFloat64(`amount`)))), countIf(NOT (toFloat64(toUnixTimestamp(toDateTime(`seen at`))) IS NULL OR isNaN(toFloat64(toUnixTimestamp(toDateTime(`seen at`)))))), countIf((toFloat64(toUnixTimestamp(toDateTime(`seen at`))) IS NULL OR isNaN(toFloat64(toUnixTimestamp(toDateTime(`seen at`)))))) FROM `sales`.`events` WHERE (region = 'NZ'
);

-- value counts
SELECT v, count(*) AS n FROM (SELECT toString(`colour`) AS v FROM `sales`.`events` WHERE (region = 'NZ'
)) AS t WHERE NOT (v IS NULL OR v = '') GROUP BY v ORDER BY n DESC, v LIMIT 100;

-- value counts of a boolean
SELECT v, count(*) AS n FROM (SELECT multiIf(isNull(`flag`), NULL, `flag` != 0, 'true', 'false') AS v FROM `sales`.`events` WHERE (region = 'NZ'
)) AS t WHERE NOT (v IS NULL OR v = '') GROUP BY v ORDER BY n DESC, v LIMIT 3;

-- fine counts
SELECT b, count(*) AS n FROM (SELECT if(x < 0.25e0, if(x < 0e0, if(x < -0.5e0, 0, 1), 2), if(x < 7e0, 3, 4)) AS b FROM (SELECT toFloat64(`amount`) AS x FROM `sales`.`events` WHERE (region = 'NZ'
)) AS s WHERE NOT (x IS NULL OR isNaN(x))) AS t GROUP BY b ORDER BY b;

-- grouped values of both sides
SELECT x, countIf(s = 0) AS r, countIf(s = 1) AS c FROM (SELECT toFloat64(toUnixTimestamp(toDateTime(`seen at`))) AS x, 0 AS s FROM `sales`.`events` WHERE (region = 'NZ'
) UNION ALL SELECT toFloat64(toUnixTimestamp(toDateTime(`seen at`))) AS x, 1 AS s FROM `sales`.`events_now`) AS pooled WHERE NOT (x IS NULL OR isNaN(x)) GROUP BY x ORDER BY x;

-- values of both sides, mostly distinct
SELECT x, countIf(s = 0) AS r, countIf(s = 1) AS c FROM (SELECT toFloat64(toUnixTimestamp(toDateTime(`seen at`))) AS x, 0 AS s FROM `sales`.`events` WHERE (region = 'NZ'
) UNION ALL SELECT toFloat64(toUnixTimestamp(toDateTime(`seen at`))) AS x, 1 AS s FROM `sales`.`events_now`) AS pooled WHERE NOT (x IS NULL OR isNaN(x)) GROUP BY x ORDER BY x;

-- values of both sides, mostly distinct, materialised
SELECT x, countIf(s = 0) AS r, countIf(s = 1) AS c FROM (SELECT toFloat64(toUnixTimestamp(toDateTime(`seen at`))) AS x, 0 AS s FROM `sales`.`events` WHERE (region = 'NZ'
) UNION ALL SELECT toFloat64(toUnixTimestamp(toDateTime(`seen at`))) AS x, 1 AS s FROM `sales`.`events_now`) AS pooled WHERE NOT (x IS NULL OR isNaN(x)) GROUP BY x ORDER BY x;

