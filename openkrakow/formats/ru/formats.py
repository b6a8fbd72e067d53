"""Russian dates with a day of the month in the genitive ('23 февраля', not Django's '23 февраль')
and a 24-hour clock with two digits."""

DATE_FORMAT = "j E Y г."  # 23 февраля 2017 г.
TIME_FORMAT = "H:i"  # 09:30
DATETIME_FORMAT = "j E Y г., H:i"  # 23 февраля 2017 г., 09:30
MONTH_DAY_FORMAT = "j E"  # 23 февраля
