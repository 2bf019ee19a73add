// The three real reports of test/data/fixtures that the workloads mix in (see its README).
export const FIXTURE_NAMES = ['2023-cixi-city-office.txt', '2023-sushui-town.txt', '2023-xiaocaoe-town.txt'];
