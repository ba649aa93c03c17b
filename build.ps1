#!/usr/bin/env pwsh
# Bootstrap: find dotnet, check it satisfies global.json, rebuild the build project only when its
# inputs changed, then run it with the arguments: ./build.ps1 [targets…] [--parameter value…]
$ErrorActionPreference = 'Stop'
$Root = $PSScriptRoot
$Temp = Join-Path $Root '.nuke/temp'
$Bin = Join-Path $Temp 'bin'
$Stamp = Join-Path $Temp 'build-inputs.sha256'
$env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'
$env:DOTNET_NOLOGO = '1'
$env:DOTNET_SKIP_FIRST_TIME_EXPERIENCE = '1'

function Fail([string] $message) { Write-Error "build.ps1: $message"; exit 1 }

# global.json pins the SDK; rollForward latestPatch accepts the same feature band (10.0.4xx) at that patch or later.
$Required = (Get-Content (Join-Path $Root 'global.json') -Raw | ConvertFrom-Json).sdk.version
if (-not $Required) { Fail 'global.json has no sdk.version' }
$Band = $Required.Substring(0, $Required.Length - 2)
$MinPatch = [int]($Required.Split('.')[2])

$Dotnet = $env:DOTNET_EXE
if (-not $Dotnet) { $Dotnet = (Get-Command dotnet -ErrorAction SilentlyContinue).Source }
if (-not $Dotnet -or -not (Test-Path $Dotnet)) {
    Fail "no dotnet found on PATH or in DOTNET_EXE. Install the .NET SDK $($Band)xx (at least $Required) from https://dot.net/install, or set DOTNET_EXE."
}

$Sdks = & $Dotnet --list-sdks | ForEach-Object { ($_ -split ' ')[0] }
$Satisfied = $Sdks | Where-Object { $_.StartsWith($Band) -and $_.Length -eq $Required.Length -and [int]($_.Split('.')[2]) -ge $MinPatch } | Select-Object -First 1
if (-not $Satisfied) {
    Fail "$Dotnet has SDKs [$($Sdks -join ' ')] but global.json needs $Required or a later patch of the $($Band)xx band. Install .NET SDK $Required (https://dot.net/install: dotnet-install.ps1 -Version $Required) or set DOTNET_EXE."
}

# Everything the build project compiles from: build/, the projects it references, and the files at the root that
# MSBuild and NuGet read. A change to any of it (or to the SDK) rebuilds. The same script serves every repository.
function Get-InputsHash {
    $project = Join-Path $Root 'build/_build.csproj'
    $folders = @(Join-Path $Root 'build') + @(Select-Xml -Path $project -XPath '//ProjectReference' |
        ForEach-Object { Split-Path (Join-Path (Join-Path $Root 'build') $_.Node.Include.Replace('\', '/')) })
    $files = $folders |
        ForEach-Object { Get-ChildItem $_ -Recurse -File } |
        Where-Object { $_.FullName -notmatch '[\\/](bin|obj)[\\/]' } |
        Sort-Object FullName
    $files += Get-ChildItem $Root -File | Where-Object { $_.Name -in @('global.json', 'Directory.Build.props', 'Directory.Build.targets', 'Directory.Packages.props', 'nuget.config') }
    $lines = @($Satisfied) + ($files | ForEach-Object { "$((Get-FileHash $_.FullName -Algorithm SHA256).Hash) $($_.FullName.Substring($Root.Length))" })
    $bytes = [System.Text.Encoding]::UTF8.GetBytes($lines -join "`n")
    return [System.BitConverter]::ToString([System.Security.Cryptography.SHA256]::Create().ComputeHash($bytes)).Replace('-', '')
}

New-Item -ItemType Directory -Force -Path $Temp | Out-Null
$Hash = Get-InputsHash
$Dll = Join-Path $Bin '_build.dll'
if (-not (Test-Path $Dll) -or -not (Test-Path $Stamp) -or (Get-Content $Stamp -Raw).Trim() -ne $Hash) {
    Write-Host 'build.ps1: compiling the build project (its inputs changed)'
    & $Dotnet build (Join-Path $Root 'build/_build.csproj') --nologo -v q -clp:NoSummary -o $Bin
    if ($LASTEXITCODE -ne 0) { Fail 'the build project did not compile; see the errors above.' }
    Set-Content -Path $Stamp -Value $Hash
}

& $Dotnet $Dll @args
exit $LASTEXITCODE
