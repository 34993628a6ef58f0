-- marsad store, schema version 4: how precise an event's date is. An event dated by «الأسبوع
-- الماضي» or «الشهر الماضي» keeps the first day of that week (Monday) or month in `date`, so
-- every date still casts to DATE, and says "week" or "month" here; "day" otherwise. NULL for
-- mentions stored before this version (they were all day-precise or publication-dated).
ALTER TABLE events ADD COLUMN date_precision VARCHAR;
