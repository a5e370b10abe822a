#!/usr/bin/env python3
"""Writes citizens.csv: the registry simulator's demo citizens (fictitious people, real Hanoi wards and streets).

Run from the repository root: python3 src/Modules/MotCua.Integrations/Simulators/Registry/make_citizens.py
Deterministic (fixed seed). Two households in each of Hanoi's 126 wards and communes (seed/hanoi_units_2025.csv),
addresses on streets of the old district the ward came from (seed/hanoi_streets_by_old_district.csv), ID numbers
following the rule of the citizen identity number (province 001, sex-and-century digit, two-digit birth year).
The six citizens the tests and the README name come first, unchanged.
"""
import csv, random, os

here = os.path.dirname(os.path.abspath(__file__))
rng = random.Random(20261207)
units = list(csv.DictReader(open('seed/hanoi_units_2025.csv', encoding='utf-8')))
old = list(csv.DictReader(open('seed/hanoi_units_pre2025.csv', encoding='utf-8')))
streets = {}
for r in csv.DictReader(open('seed/hanoi_streets_by_old_district.csv', encoding='utf-8')):
    streets.setdefault(r['district'], []).append(r['street'])

district_of = {}
for r in old:
    if r['level'] != '3':
        continue
    for code in r['new_codes_2025_07'].split(';'):
        district_of.setdefault(code, []).append(r['parent_name'].split(' ', 1)[1] if ' ' in r['parent_name'] else r['parent_name'])

families = ['Nguyễn'] * 10 + ['Trần'] * 4 + ['Lê'] * 3 + ['Phạm'] * 2 + ['Hoàng', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý', 'Đinh', 'Trịnh', 'Đào', 'Mai', 'Tạ', 'Lương', 'Kiều']
male_mid = ['Văn', 'Đức', 'Quang', 'Minh', 'Hữu', 'Thành', 'Tiến', 'Công', 'Xuân', 'Mạnh', 'Ngọc']
female_mid = ['Thị', 'Thị', 'Thị', 'Ngọc', 'Thu', 'Thanh', 'Phương', 'Minh', 'Hồng', 'Bích', 'Kim']
male = ['Anh', 'Bình', 'Cường', 'Dũng', 'Đạt', 'Hải', 'Hiếu', 'Hùng', 'Huy', 'Khánh', 'Kiên', 'Long', 'Lâm', 'Nam', 'Nghĩa', 'Phong', 'Phúc', 'Quân', 'Sơn', 'Thắng', 'Thịnh', 'Toàn', 'Trung', 'Tuấn', 'Việt', 'Vinh']
female = ['An', 'Anh', 'Chi', 'Diệp', 'Dung', 'Giang', 'Hà', 'Hằng', 'Hạnh', 'Hiền', 'Hoa', 'Hương', 'Lan', 'Linh', 'Loan', 'Mai', 'My', 'Nga', 'Ngân', 'Nhung', 'Oanh', 'Phương', 'Quỳnh', 'Thảo', 'Trang', 'Vân', 'Yến']

fixed = [
    ('001090000001', 'Nguyễn Thị Hường', '14/03/1990', 'Nữ', '12 Phố Quán Thánh, Phường Ba Đình, Hà Nội', '00004', '0912000001'),
    ('001085000002', 'Trần Văn Minh', '02/11/1985', 'Nam', '45 Phố Kim Mã, Phường Ngọc Hà, Hà Nội', '00008', '0912000002'),
    ('001078000003', 'Lê Thị Thu', '21/06/1978', 'Nữ', '8 Phố Huế, Phường Hai Bà Trưng, Hà Nội', '00256', '0912000003'),
    ('001095000004', 'Phạm Quốc Bảo', '30/01/1995', 'Nam', '102 Phố Xã Đàn, Phường Kim Liên, Hà Nội', '00229', '0912000004'),
    ('001049000005', 'Hoàng Văn Thọ', '09/09/1949', 'Nam', '3 Ngõ Trạm, Phường Hoàn Kiếm, Hà Nội', '00070', '0912000005'),
    ('001001000006', 'Vũ Ngọc Anh', '05/12/2001', 'Nữ', '27 Phố Nguyễn Trãi, Phường Thanh Xuân, Hà Nội', '00367', '0912000006'),
]

out = []
used = {f[0] for f in fixed}
for i, f in enumerate(fixed):
    household = f'{f[5]}{i + 1:05d}'
    out.append(dict(id_number=f[0], full_name=f[1], date_of_birth=f[2], sex=f[3], permanent_address=f[4], temporary_address='',
                    ward_code=f[5], household_number=household, household_head=f[1], relation_to_head='Chủ hộ', phone=f[6]))


def person(sex, year, family):
    mid = rng.choice(male_mid if sex == 'Nam' else female_mid)
    given = rng.choice(male if sex == 'Nam' else female)
    digit = (0 if sex == 'Nam' else 1) + (2 if year >= 2000 else 0)
    while True:
        idn = f'001{digit}{year % 100:02d}{rng.randrange(0, 10**6):06d}'
        if idn not in used:
            used.add(idn)
            break
    day = f'{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/{year}'
    return idn, f'{family} {mid} {given}', day


serial = len(fixed)
for u in units:
    districts = district_of.get(u['code'], [])
    pool = [s for d in districts for s in streets.get(d, []) if not s[:1].isdigit()]
    for h in range(2):
        serial += 1
        if pool and u['type'] == 'Phường':
            street = rng.choice(pool)
            street = street if street.startswith(('Phố', 'Đường', 'Ngõ')) else 'Phố ' + street
            address = f"{rng.randint(1, 180)} {street}, {u['name']}, Hà Nội"
        else:
            address = f"Thôn {rng.randint(1, 12)}, {u['name']}, Hà Nội"
        family = rng.choice(families)
        household = f"{u['code']}{serial:05d}"
        head_sex = rng.choice(['Nam', 'Nữ'])
        head_year = rng.randint(1950, 1995)
        head_id, head_name, head_dob = person(head_sex, head_year, family)
        temp = ''
        if rng.random() < 0.15:
            other = rng.choice(units)
            temp = f"Phòng {rng.randint(101, 1208)}, {other['name']}, Hà Nội"
        members = [(head_id, head_name, head_dob, head_sex, 'Chủ hộ')]
        if rng.random() < 0.5:
            s2 = 'Nữ' if head_sex == 'Nam' else 'Nam'
            y2 = min(2004, max(1950, head_year + rng.randint(-4, 4)))
            i2, n2, d2 = person(s2, y2, rng.choice(families))
            members.append((i2, n2, d2, s2, 'Vợ' if s2 == 'Nữ' else 'Chồng'))
        for who in members:
            out.append(dict(id_number=who[0], full_name=who[1], date_of_birth=who[2], sex=who[3], permanent_address=address,
                            temporary_address=temp, ward_code=u['code'], household_number=household, household_head=head_name,
                            relation_to_head=who[4], phone=f'09{rng.randint(10, 98)}{rng.randrange(0, 10**6):06d}'))

with open(os.path.join(here, 'citizens.csv'), 'w', encoding='utf-8', newline='') as f:
    w = csv.DictWriter(f, fieldnames=list(out[0].keys()), lineterminator='\n')
    w.writeheader()
    w.writerows(out)
print(len(out), 'citizens in', len({r['ward_code'] for r in out}), 'wards')
